using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>StatusNotification.req (OCPP 1.6 §6.47): the charge point reports a status or error of a connector or of itself.</summary>
public sealed record StatusNotificationRequest : IOcppRequest<StatusNotificationRequest, StatusNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "StatusNotification";

    /// <summary>The connector reported on, or 0 for the charge point's main controller.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The error reported, NoError when none.</summary>
    public required ChargePointErrorCode ErrorCode { get; init; }

    /// <summary>Free-form extra information about the error.</summary>
    [CiString(50)]
    public string? Info { get; init; }

    /// <summary>The current status.</summary>
    public required ChargePointStatus Status { get; init; }

    /// <summary>The time the status applies to; the time of receipt when absent.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Identifies the vendor-specific implementation.</summary>
    [CiString(255)]
    public string? VendorId { get; init; }

    /// <summary>The vendor-specific error code.</summary>
    [CiString(50)]
    public string? VendorErrorCode { get; init; }
}

/// <summary>StatusNotification.conf (OCPP 1.6 §6.48): no members.</summary>
public sealed record StatusNotificationResponse : IOcppResponse;
