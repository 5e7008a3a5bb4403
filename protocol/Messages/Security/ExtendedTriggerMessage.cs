using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>
/// ExtendedTriggerMessage.req (Security Whitepaper ed. 3 §5.5): like TriggerMessage, with the security messages
/// added to what can be requested.
/// </summary>
public sealed record ExtendedTriggerMessageRequest : IOcppRequest<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>
{
    /// <inheritdoc/>
    public static string Action => "ExtendedTriggerMessage";

    /// <summary>The message to send.</summary>
    public required ExtendedMessageTrigger RequestedMessage { get; init; }

    /// <summary>The connector the request is about (greater than 0), when it is about one.</summary>
    public int? ConnectorId { get; init; }
}

/// <summary>ExtendedTriggerMessage.conf (Security Whitepaper ed. 3 §5.6).</summary>
public sealed record ExtendedTriggerMessageResponse : IOcppResponse
{
    /// <summary>Whether the charge point will send the message.</summary>
    public required ExtendedTriggerMessageStatus Status { get; init; }
}
