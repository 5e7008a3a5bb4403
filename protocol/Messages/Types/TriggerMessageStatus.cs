using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>TriggerMessageStatus (OCPP 1.6 §7.44): the answer to a TriggerMessage.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TriggerMessageStatus>))]
public enum TriggerMessageStatus
{
    /// <summary>The requested message will be sent.</summary>
    Accepted,

    /// <summary>The requested message will not be sent.</summary>
    Rejected,

    /// <summary>The requested message is unknown or not implemented.</summary>
    NotImplemented,
}
