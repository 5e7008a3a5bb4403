using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>The Central System's own composite schedule of one connector, to compare with GetCompositeSchedule.conf.</summary>
/// <param name="ConnectorId">The connector (0: the whole station).</param>
/// <param name="ScheduleStart">When the schedule starts (the Central System's now).</param>
/// <param name="Duration">Its length in seconds.</param>
/// <param name="ChargingRateUnit">The unit of every limit.</param>
/// <param name="ChargingSchedulePeriod">The periods; a null limit means no profile limits that period.</param>
public sealed record CompositeSchedule(
    int ConnectorId,
    DateTimeOffset ScheduleStart,
    int Duration,
    ChargingRateUnitType ChargingRateUnit,
    IReadOnlyList<CompositePeriod> ChargingSchedulePeriod);

/// <summary>One period of a composite schedule, with the profile that set its limit.</summary>
/// <param name="StartPeriod">Seconds from the schedule start.</param>
/// <param name="Limit">The limit in the schedule's unit, rounded to 0.1; null when unlimited.</param>
/// <param name="NumberPhases">The phases of the period that set the limit.</param>
/// <param name="LimitedBy">The purpose of the profile that set the limit.</param>
/// <param name="ChargingProfileId">The profile that set the limit.</param>
public sealed record CompositePeriod(int StartPeriod, decimal? Limit, int? NumberPhases, ChargingProfilePurposeType? LimitedBy, int? ChargingProfileId);
