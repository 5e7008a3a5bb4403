using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingRateUnitType (OCPP 1.6 §7.12): the unit of a schedule's limits.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingRateUnitType>))]
public enum ChargingRateUnitType
{
    /// <summary>Watts: the total power over all phases.</summary>
    W,

    /// <summary>Amperes: the current per phase.</summary>
    A,
}
