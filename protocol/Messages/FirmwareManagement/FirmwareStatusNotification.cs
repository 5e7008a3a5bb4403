using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.FirmwareManagement;

/// <summary>FirmwareStatusNotification.req (OCPP 1.6 §6.19): the charge point reports the progress of a firmware update.</summary>
public sealed record FirmwareStatusNotificationRequest : IOcppRequest<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "FirmwareStatusNotification";

    /// <summary>The state of the download and installation.</summary>
    public required FirmwareStatus Status { get; init; }
}

/// <summary>FirmwareStatusNotification.conf (OCPP 1.6 §6.20): no members.</summary>
public sealed record FirmwareStatusNotificationResponse : IOcppResponse;
