using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ResetStatus (OCPP 1.6 §7.41): the answer to a Reset.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResetStatus>))]
public enum ResetStatus
{
    /// <summary>The reset will be performed.</summary>
    Accepted,

    /// <summary>The reset will not be performed.</summary>
    Rejected,
}
