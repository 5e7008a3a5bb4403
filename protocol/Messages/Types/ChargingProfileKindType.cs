using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingProfileKindType (OCPP 1.6 §7.9): how the periods of a schedule are anchored in time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfileKindType>))]
public enum ChargingProfileKindType
{
    /// <summary>Periods count from a fixed point in time given in the schedule.</summary>
    Absolute,

    /// <summary>The schedule starts over periodically from its first period.</summary>
    Recurring,

    /// <summary>Periods count from a start point chosen by the charge point, such as the start of a transaction.</summary>
    Relative,
}
