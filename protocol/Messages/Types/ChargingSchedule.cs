using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingSchedule (OCPP 1.6 §7.13): limits over time, used in a profile and in a composite schedule.</summary>
public sealed record ChargingSchedule
{
    /// <summary>Length of the schedule in seconds; when absent the last period lasts indefinitely.</summary>
    public int? Duration { get; init; }

    /// <summary>Start of an absolute schedule; when absent the schedule is relative to the start of charging.</summary>
    public DateTimeOffset? StartSchedule { get; init; }

    /// <summary>The unit the limits are expressed in.</summary>
    public required ChargingRateUnitType ChargingRateUnit { get; init; }

    /// <summary>The periods, at least one; the first starts at 0.</summary>
    [MinItems(1)]
    public required IReadOnlyList<ChargingSchedulePeriod> ChargingSchedulePeriod { get; init; }

    /// <summary>The lowest rate the vehicle charges efficiently at, in the schedule's unit, at most one decimal.</summary>
    public decimal? MinChargingRate { get; init; }
}
