using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// Measurand (OCPP 1.6 §7.31): what a sampled value measures; Energy.Active.Import.Register when absent.
/// Import flows from the grid towards the vehicle, export the other way.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Measurand>))]
public enum Measurand
{
    /// <summary>Instantaneous current flowing from the vehicle.</summary>
    [JsonStringEnumMemberName("Current.Export")]
    CurrentExport,

    /// <summary>Instantaneous current flowing to the vehicle.</summary>
    [JsonStringEnumMemberName("Current.Import")]
    CurrentImport,

    /// <summary>The maximum current offered to the vehicle.</summary>
    [JsonStringEnumMemberName("Current.Offered")]
    CurrentOffered,

    /// <summary>Reading of the active energy register for energy exported to the grid (Wh or kWh).</summary>
    [JsonStringEnumMemberName("Energy.Active.Export.Register")]
    EnergyActiveExportRegister,

    /// <summary>Reading of the active energy register for energy imported from the grid (Wh or kWh).</summary>
    [JsonStringEnumMemberName("Energy.Active.Import.Register")]
    EnergyActiveImportRegister,

    /// <summary>Reading of the reactive energy register for energy exported to the grid (varh or kvarh).</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Export.Register")]
    EnergyReactiveExportRegister,

    /// <summary>Reading of the reactive energy register for energy imported from the grid (varh or kvarh).</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Import.Register")]
    EnergyReactiveImportRegister,

    /// <summary>Active energy exported during the sampling or clock-aligned interval.</summary>
    [JsonStringEnumMemberName("Energy.Active.Export.Interval")]
    EnergyActiveExportInterval,

    /// <summary>Active energy imported during the sampling or clock-aligned interval.</summary>
    [JsonStringEnumMemberName("Energy.Active.Import.Interval")]
    EnergyActiveImportInterval,

    /// <summary>Reactive energy exported during the sampling or clock-aligned interval.</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Export.Interval")]
    EnergyReactiveExportInterval,

    /// <summary>Reactive energy imported during the sampling or clock-aligned interval.</summary>
    [JsonStringEnumMemberName("Energy.Reactive.Import.Interval")]
    EnergyReactiveImportInterval,

    /// <summary>Instantaneous power line frequency (in Hertz; 1.6 has no unit for it).</summary>
    Frequency,

    /// <summary>Instantaneous active power exported by the vehicle (W or kW).</summary>
    [JsonStringEnumMemberName("Power.Active.Export")]
    PowerActiveExport,

    /// <summary>Instantaneous active power imported by the vehicle (W or kW).</summary>
    [JsonStringEnumMemberName("Power.Active.Import")]
    PowerActiveImport,

    /// <summary>Instantaneous power factor of the total energy flow.</summary>
    [JsonStringEnumMemberName("Power.Factor")]
    PowerFactor,

    /// <summary>The maximum power offered to the vehicle.</summary>
    [JsonStringEnumMemberName("Power.Offered")]
    PowerOffered,

    /// <summary>Instantaneous reactive power exported by the vehicle (var or kvar).</summary>
    [JsonStringEnumMemberName("Power.Reactive.Export")]
    PowerReactiveExport,

    /// <summary>Instantaneous reactive power imported by the vehicle (var or kvar).</summary>
    [JsonStringEnumMemberName("Power.Reactive.Import")]
    PowerReactiveImport,

    /// <summary>Fan speed in revolutions per minute.</summary>
    RPM,

    /// <summary>State of charge of the vehicle, in percent.</summary>
    SoC,

    /// <summary>Temperature inside the charge point.</summary>
    Temperature,

    /// <summary>Instantaneous RMS supply voltage.</summary>
    Voltage,
}
