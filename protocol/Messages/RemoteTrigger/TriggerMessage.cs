using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.RemoteTrigger;

/// <summary>TriggerMessage.req (OCPP 1.6 §6.51): the Central System asks the charge point to send a given message now.</summary>
public sealed record TriggerMessageRequest : IOcppRequest<TriggerMessageRequest, TriggerMessageResponse>
{
    /// <inheritdoc/>
    public static string Action => "TriggerMessage";

    /// <summary>The message to send.</summary>
    public required MessageTrigger RequestedMessage { get; init; }

    /// <summary>The connector the request is about (greater than 0), when it is about one.</summary>
    public int? ConnectorId { get; init; }
}

/// <summary>TriggerMessage.conf (OCPP 1.6 §6.52).</summary>
public sealed record TriggerMessageResponse : IOcppResponse
{
    /// <summary>Whether the charge point will send the message.</summary>
    public required TriggerMessageStatus Status { get; init; }
}
