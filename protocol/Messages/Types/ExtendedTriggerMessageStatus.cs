using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// TriggerMessageStatusEnumType (Security Whitepaper ed. 3 §6.17): the answer to an ExtendedTriggerMessage. Named
/// ExtendedTriggerMessageStatus here because 1.6 already has a <see cref="TriggerMessageStatus"/> (same values).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExtendedTriggerMessageStatus>))]
public enum ExtendedTriggerMessageStatus
{
    /// <summary>The requested message will be sent.</summary>
    Accepted,

    /// <summary>The requested message will not be sent.</summary>
    Rejected,

    /// <summary>The requested message is unknown or not implemented.</summary>
    NotImplemented,
}
