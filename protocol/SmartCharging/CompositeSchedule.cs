using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.SmartCharging;

/// <summary>A connector's composite schedule, with the profile behind every period.</summary>
/// <param name="ConnectorId">The connector (0: the whole Charge Point).</param>
/// <param name="ScheduleStart">When the schedule starts.</param>
/// <param name="Duration">Its length in seconds.</param>
/// <param name="ChargingRateUnit">The unit of every limit.</param>
/// <param name="ChargingSchedulePeriod">The periods; adjacent periods with the same limit and phases are merged.</param>
public sealed record CompositeSchedule(
    int ConnectorId,
    DateTimeOffset ScheduleStart,
    int Duration,
    ChargingRateUnitType ChargingRateUnit,
    IReadOnlyList<CompositePeriod> ChargingSchedulePeriod)
{
    /// <summary>The schedule as GetCompositeSchedule.conf carries it (§6.22).</summary>
    /// <exception cref="InvalidOperationException">A period has no limit: the query gave no hardware limit and no profile limits it.</exception>
    public ChargingSchedule ToChargingSchedule() => new()
    {
        Duration = Duration,
        StartSchedule = ScheduleStart,
        ChargingRateUnit = ChargingRateUnit,
        ChargingSchedulePeriod = [.. ChargingSchedulePeriod.Select(p => new ChargingSchedulePeriod
        {
            StartPeriod = p.StartPeriod,
            Limit = p.Limit ?? throw new InvalidOperationException($"The period at {p.StartPeriod} s has no limit; a ChargingSchedulePeriod needs one (OCPP 1.6 §7.11). Give the query the Charge Point's hardware limit."),
            NumberPhases = p.NumberPhases,
        })],
    };
}

/// <summary>One period of a composite schedule, with what set its limit.</summary>
/// <param name="StartPeriod">Seconds from the schedule start.</param>
/// <param name="Limit">The limit in the schedule's unit, rounded to 0.1; null when nothing limits the period.</param>
/// <param name="NumberPhases">The phases of the period that set the limit (the assumed phases when it gives none).</param>
/// <param name="LimitedBy">The purpose of the profile that set the limit; null for the hardware limit.</param>
/// <param name="ChargingProfileId">The profile that set the limit; null for the hardware limit.</param>
public sealed record CompositePeriod(int StartPeriod, decimal? Limit, int? NumberPhases, ChargingProfilePurposeType? LimitedBy, int? ChargingProfileId);
