using System.Globalization;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Configuration;

/// <summary>Parsers and validators for the value types of OCPP 1.6 §9 (integer, boolean, CSL).</summary>
public static class ConfigurationValues
{
    private static readonly string[] Measurands =
    [
        "Current.Export", "Current.Import", "Current.Offered", "Energy.Active.Export.Register", "Energy.Active.Import.Register",
        "Energy.Reactive.Export.Register", "Energy.Reactive.Import.Register", "Energy.Active.Export.Interval",
        "Energy.Active.Import.Interval", "Energy.Reactive.Export.Interval", "Energy.Reactive.Import.Interval", "Frequency",
        "Power.Active.Export", "Power.Active.Import", "Power.Factor", "Power.Offered", "Power.Reactive.Export",
        "Power.Reactive.Import", "RPM", "SoC", "Temperature", "Voltage",
    ];

    /// <summary>A non-negative integer.</summary>
    public static bool IsNonNegativeInteger(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    /// <summary>A positive integer.</summary>
    public static bool IsPositiveInteger(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0;

    /// <summary>"true" or "false" (case-insensitive).</summary>
    public static bool IsBoolean(string value) => bool.TryParse(value, out _);

    /// <summary>Anything.</summary>
    public static bool IsAny(string value) => true;

    /// <summary>A comma-separated list of measurands (OCPP 1.6 §7.31), possibly empty.</summary>
    public static bool IsMeasurandList(string value) =>
        Split(value).All(m => Measurands.Contains(m, StringComparer.Ordinal));

    /// <summary>A comma-separated list of profile names from <paramref name="allowed"/>.</summary>
    public static Func<string, bool> IsListOf(params string[] allowed) =>
        value => Split(value).All(v => allowed.Contains(v, StringComparer.Ordinal));

    /// <summary>The items of a comma-separated list, trimmed, empty items dropped.</summary>
    public static IReadOnlyList<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The measurands of a list value; unknown names are skipped.</summary>
    public static IReadOnlyList<Measurand> ParseMeasurands(string value)
    {
        var result = new List<Measurand>();
        foreach (var name in Split(value))
        {
            var index = Array.IndexOf(Measurands, name);
            if (index >= 0)
            {
                result.Add((Measurand)index);
            }
        }

        return result;
    }
}
