using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>LogStatusNotification.req (Security Whitepaper ed. 3 §5.13): the charge point reports the progress of a log upload.</summary>
public sealed record LogStatusNotificationRequest : IOcppRequest<LogStatusNotificationRequest, LogStatusNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "LogStatusNotification";

    /// <summary>The state of the upload.</summary>
    public required UploadLogStatus Status { get; init; }

    /// <summary>The requestId of the GetLog that started the upload.</summary>
    public int? RequestId { get; init; }
}

/// <summary>LogStatusNotification.conf (Security Whitepaper ed. 3 §5.14): no members.</summary>
public sealed record LogStatusNotificationResponse : IOcppResponse;
