using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.SmartCharging;

/// <summary>
/// Computes the composite schedule of a connector (OCPP 1.6 §3.13.6): within each purpose the highest
/// stack level whose schedule is active wins, falling back to lower levels where it is not; a TxProfile
/// supersedes TxDefaultProfile for the whole transaction; ChargePointMaxProfile and the hardware cap the
/// result. Pure: no clock, no state.
/// </summary>
public static class CompositeScheduleCalculator
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>The composite schedule for <paramref name="query"/> given the installed <paramref name="profiles"/>.</summary>
    public static ChargingSchedule Compute(IReadOnlyCollection<InstalledChargingProfile> profiles, CompositeScheduleQuery query)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(query);
        var end = query.Start.AddSeconds(query.Duration);
        var relevant = profiles.Where(p => Applies(p, query)).ToList();
        var breakpoints = new SortedSet<DateTimeOffset> { query.Start };
        foreach (var installed in relevant)
        {
            foreach (var instant in Boundaries(installed.Profile, query, end))
            {
                if (instant > query.Start && instant < end)
                {
                    breakpoints.Add(instant);
                }
            }
        }

        var periods = new List<ChargingSchedulePeriod>();
        foreach (var instant in breakpoints)
        {
            var amperes = LimitAt(relevant, query, instant);
            var limit = Math.Round(ToUnit(amperes, query), 1);
            if (periods.Count > 0 && periods[^1].Limit == limit)
            {
                continue; // merge equal adjacent periods
            }

            periods.Add(new ChargingSchedulePeriod { StartPeriod = (int)(instant - query.Start).TotalSeconds, Limit = limit });
        }

        return new ChargingSchedule
        {
            Duration = query.Duration,
            StartSchedule = query.Start,
            ChargingRateUnit = query.Unit,
            ChargingSchedulePeriod = periods,
        };
    }

    /// <summary>The limit in amperes per phase at <paramref name="instant"/>: what the simulated meter may draw.</summary>
    public static decimal LimitAt(IReadOnlyCollection<InstalledChargingProfile> profiles, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(query);
        var relevant = profiles.Where(p => Applies(p, query)).ToList();
        var limit = query.HardwareLimitAmperes;

        // ChargePointMaxProfile lives on connector 0 and caps the whole charge point (§3.13.2).
        var max = HighestActive(relevant.Where(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.ChargePointMaxProfile), query, instant);
        if (max is { } cap)
        {
            limit = Math.Min(limit, cap);
        }

        if (query.ConnectorId == 0)
        {
            return limit;
        }

        var tx = relevant.Where(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile).ToList();
        decimal? txLimit;
        if (tx.Count > 0)
        {
            // A TxProfile supersedes TxDefaultProfile for the rest of the transaction, even after its schedule ends (OCTT TC_066).
            txLimit = HighestActive(tx, query, instant);
        }
        else
        {
            // A TxDefaultProfile on the connector overrides the one on connector 0 (§3.13.2).
            var defaults = relevant.Where(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxDefaultProfile).ToList();
            var own = defaults.Where(p => p.ConnectorId == query.ConnectorId).ToList();
            txLimit = HighestActive(own.Count > 0 ? own : defaults, query, instant);
        }

        return txLimit is { } value ? Math.Min(limit, value) : limit;
    }

    private static bool Applies(InstalledChargingProfile installed, CompositeScheduleQuery query)
    {
        var profile = installed.Profile;
        return profile.ChargingProfilePurpose switch
        {
            ChargingProfilePurposeType.ChargePointMaxProfile => installed.ConnectorId == 0,
            ChargingProfilePurposeType.TxDefaultProfile => installed.ConnectorId == 0 || installed.ConnectorId == query.ConnectorId,
            ChargingProfilePurposeType.TxProfile => installed.ConnectorId == query.ConnectorId
                && query.Transaction is { } tx
                && (profile.TransactionId is null || profile.TransactionId == tx.TransactionId),
            _ => false,
        };
    }

    private static decimal? HighestActive(IEnumerable<InstalledChargingProfile> candidates, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        foreach (var installed in candidates.OrderByDescending(p => p.Profile.StackLevel).ThenByDescending(p => p.ConnectorId))
        {
            if (ActiveLimit(installed.Profile, query, instant) is { } limit)
            {
                return limit;
            }
        }

        return null;
    }

    /// <summary>The profile's limit at <paramref name="instant"/> in amperes, or null when it is not in force then.</summary>
    private static decimal? ActiveLimit(ChargingProfile profile, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        if ((profile.ValidFrom is { } from && instant < from) || (profile.ValidTo is { } to && instant >= to))
        {
            return null;
        }

        var schedule = profile.ChargingSchedule;
        if (ScheduleStart(profile, query, instant) is not { } start)
        {
            return null;
        }

        var offset = (instant - start).TotalSeconds;
        if (offset < 0 || (schedule.Duration is { } duration && offset >= duration))
        {
            return null;
        }

        ChargingSchedulePeriod? current = null;
        foreach (var period in schedule.ChargingSchedulePeriod.OrderBy(p => p.StartPeriod))
        {
            if (period.StartPeriod <= offset)
            {
                current = period;
            }
        }

        if (current is null)
        {
            return null;
        }

        return schedule.ChargingRateUnit == ChargingRateUnitType.A
            ? current.Limit
            : current.Limit / (query.Voltage * (current.NumberPhases ?? query.Phases));
    }

    /// <summary>When the schedule's period 0 begins for the occurrence that covers <paramref name="instant"/> (§7.13).</summary>
    private static DateTimeOffset? ScheduleStart(ChargingProfile profile, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        var schedule = profile.ChargingSchedule;
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKindType.Absolute:
                return schedule.StartSchedule ?? profile.ValidFrom ?? query.Start;
            case ChargingProfileKindType.Relative:
                return query.Transaction?.StartedAt ?? query.Start;
            case ChargingProfileKindType.Recurring:
                var anchor = schedule.StartSchedule ?? profile.ValidFrom ?? query.Start;
                var cycle = profile.RecurrencyKind == RecurrencyKindType.Weekly ? Week : Day;
                if (instant < anchor)
                {
                    return anchor;
                }

                var cycles = (instant - anchor).Ticks / cycle.Ticks;
                return anchor + TimeSpan.FromTicks(cycles * cycle.Ticks);
            default:
                return null;
        }
    }

    /// <summary>Every instant at which the profile's contribution can change within the window.</summary>
    private static IEnumerable<DateTimeOffset> Boundaries(ChargingProfile profile, CompositeScheduleQuery query, DateTimeOffset end)
    {
        if (profile.ValidFrom is { } from)
        {
            yield return from;
        }

        if (profile.ValidTo is { } to)
        {
            yield return to;
        }

        var schedule = profile.ChargingSchedule;
        var starts = new List<DateTimeOffset>();
        if (profile.ChargingProfileKind == ChargingProfileKindType.Recurring)
        {
            var cycle = profile.RecurrencyKind == RecurrencyKindType.Weekly ? Week : Day;
            var first = ScheduleStart(profile, query, query.Start) ?? query.Start;
            for (var start = first; start < end; start += cycle)
            {
                starts.Add(start);
            }
        }
        else if (ScheduleStart(profile, query, query.Start) is { } start)
        {
            starts.Add(start);
        }

        foreach (var start in starts)
        {
            foreach (var period in schedule.ChargingSchedulePeriod)
            {
                yield return start.AddSeconds(period.StartPeriod);
            }

            if (schedule.Duration is { } duration)
            {
                yield return start.AddSeconds(duration);
            }
        }
    }

    private static decimal ToUnit(decimal amperes, CompositeScheduleQuery query) =>
        query.Unit == ChargingRateUnitType.A ? amperes : amperes * query.Voltage * query.Phases;
}
