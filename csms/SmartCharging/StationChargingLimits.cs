using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>A station's smart charging limits (OCPP 1.6 §9.4), when its configuration has been read.</summary>
/// <param name="MaxStackLevel">ChargeProfileMaxStackLevel.</param>
/// <param name="MaxPeriods">ChargingScheduleMaxPeriods.</param>
/// <param name="AllowedUnits">ChargingScheduleAllowedChargingRateUnit ("Current" → A, "Power" → W).</param>
public sealed record StationChargingLimits(int? MaxStackLevel, int? MaxPeriods, IReadOnlyList<ChargingRateUnitType>? AllowedUnits)
{
    /// <summary>No limits known.</summary>
    public static StationChargingLimits None { get; } = new(null, null, null);

    /// <summary>The limits in the configuration last read from <paramref name="station"/>.</summary>
    public static StationChargingLimits Of(ChargePointSession? station)
    {
        if (station is null)
        {
            return None;
        }

        IReadOnlyList<ChargingRateUnitType>? units = null;
        if (station.Configuration.TryGetValue("ChargingScheduleAllowedChargingRateUnit", out var entry) && entry.Value is { Length: > 0 } value)
        {
            units = [.. value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(v => v.ToUpperInvariant() switch { "CURRENT" or "A" => (ChargingRateUnitType?)ChargingRateUnitType.A, "POWER" or "W" => ChargingRateUnitType.W, _ => null })
                .OfType<ChargingRateUnitType>()];
        }

        return new(station.ConfigurationInt("ChargeProfileMaxStackLevel"), station.ConfigurationInt("ChargingScheduleMaxPeriods"), units is { Count: > 0 } ? units : null);
    }
}
