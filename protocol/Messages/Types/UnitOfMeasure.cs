using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// UnitOfMeasure (OCPP 1.6 §7.45): the unit of a sampled value; Wh when absent. The official JSON schemas
/// accept both the original misspelling "Celcius" and the corrected "Celsius", so both are members.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnitOfMeasure>))]
public enum UnitOfMeasure
{
    /// <summary>Watt-hours of energy (the default).</summary>
    Wh,

    /// <summary>Kilowatt-hours of energy.</summary>
    [JsonStringEnumMemberName("kWh")]
    KWh,

    /// <summary>Var-hours of reactive energy.</summary>
    [JsonStringEnumMemberName("varh")]
    Varh,

    /// <summary>Kilovar-hours of reactive energy.</summary>
    [JsonStringEnumMemberName("kvarh")]
    Kvarh,

    /// <summary>Watts of power.</summary>
    W,

    /// <summary>Kilowatts of power.</summary>
    [JsonStringEnumMemberName("kW")]
    KW,

    /// <summary>Volt-amperes of apparent power.</summary>
    VA,

    /// <summary>Kilovolt-amperes of apparent power.</summary>
    [JsonStringEnumMemberName("kVA")]
    KVA,

    /// <summary>Vars of reactive power.</summary>
    [JsonStringEnumMemberName("var")]
    Var,

    /// <summary>Kilovars of reactive power.</summary>
    [JsonStringEnumMemberName("kvar")]
    Kvar,

    /// <summary>Amperes of current.</summary>
    A,

    /// <summary>Volts (RMS, AC).</summary>
    V,

    /// <summary>Kelvin.</summary>
    K,

    /// <summary>Degrees Celsius, in the spelling of the original 1.6 schemas.</summary>
    Celcius,

    /// <summary>Degrees Celsius, in the corrected spelling.</summary>
    Celsius,

    /// <summary>Degrees Fahrenheit.</summary>
    Fahrenheit,

    /// <summary>A percentage.</summary>
    Percent,
}
