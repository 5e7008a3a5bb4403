using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>Phase (OCPP 1.6 §7.34): on which phase or between which conductors a value was measured.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Phase>))]
public enum Phase
{
    /// <summary>On phase L1.</summary>
    L1,

    /// <summary>On phase L2.</summary>
    L2,

    /// <summary>On phase L3.</summary>
    L3,

    /// <summary>On the neutral conductor.</summary>
    N,

    /// <summary>Between L1 and neutral.</summary>
    [JsonStringEnumMemberName("L1-N")]
    L1N,

    /// <summary>Between L2 and neutral.</summary>
    [JsonStringEnumMemberName("L2-N")]
    L2N,

    /// <summary>Between L3 and neutral.</summary>
    [JsonStringEnumMemberName("L3-N")]
    L3N,

    /// <summary>Between L1 and L2.</summary>
    [JsonStringEnumMemberName("L1-L2")]
    L1L2,

    /// <summary>Between L2 and L3.</summary>
    [JsonStringEnumMemberName("L2-L3")]
    L2L3,

    /// <summary>Between L3 and L1.</summary>
    [JsonStringEnumMemberName("L3-L1")]
    L3L1,
}
