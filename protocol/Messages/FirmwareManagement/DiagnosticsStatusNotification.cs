using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.FirmwareManagement;

/// <summary>DiagnosticsStatusNotification.req (OCPP 1.6 §6.17): the charge point reports the progress of a diagnostics upload.</summary>
public sealed record DiagnosticsStatusNotificationRequest : IOcppRequest<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "DiagnosticsStatusNotification";

    /// <summary>The state of the upload.</summary>
    public required DiagnosticsStatus Status { get; init; }
}

/// <summary>DiagnosticsStatusNotification.conf (OCPP 1.6 §6.18): no members.</summary>
public sealed record DiagnosticsStatusNotificationResponse : IOcppResponse;
