using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>SignedFirmwareStatusNotification.req (Security Whitepaper ed. 3 §5.19): the charge point reports the progress of a signed firmware update.</summary>
public sealed record SignedFirmwareStatusNotificationRequest : IOcppRequest<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "SignedFirmwareStatusNotification";

    /// <summary>The state of the update.</summary>
    public required SignedFirmwareStatus Status { get; init; }

    /// <summary>The requestId of the SignedUpdateFirmware that started the update; may be left out only for a triggered Idle.</summary>
    public int? RequestId { get; init; }
}

/// <summary>SignedFirmwareStatusNotification.conf (Security Whitepaper ed. 3 §5.20): no members.</summary>
public sealed record SignedFirmwareStatusNotificationResponse : IOcppResponse;
