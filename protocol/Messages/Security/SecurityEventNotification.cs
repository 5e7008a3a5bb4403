using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>SecurityEventNotification.req (Security Whitepaper ed. 3 §5.15): the charge point reports a security event.</summary>
public sealed record SecurityEventNotificationRequest : IOcppRequest<SecurityEventNotificationRequest, SecurityEventNotificationResponse>
{
    /// <inheritdoc/>
    public static string Action => "SecurityEventNotification";

    /// <summary>The kind of event, e.g. one of the known security events of §8.</summary>
    [MaxLength(50)]
    public required string Type { get; init; }

    /// <summary>When the event happened.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Further technical information about the event.</summary>
    [MaxLength(255)]
    public string? TechInfo { get; init; }
}

/// <summary>SecurityEventNotification.conf (Security Whitepaper ed. 3 §5.16): no members.</summary>
public sealed record SecurityEventNotificationResponse : IOcppResponse;
