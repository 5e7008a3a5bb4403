using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.SmartCharging;

/// <summary>
/// Where one profile's schedule stands in time (OCPP 1.6 §3.13.3, §7.8, §7.10, §7.11): which period is in
/// force at an instant, and every instant at which that can change.
/// </summary>
internal static class ProfileTimeline
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>
    /// The period of <paramref name="profile"/> in force at <paramref name="t"/>, or null when the profile is
    /// outside validFrom/validTo, before its schedule starts or after its duration.
    /// </summary>
    public static ChargingSchedulePeriod? PeriodAt(ChargingProfile profile, DateTimeOffset t, DateTimeOffset compositeStart, DateTimeOffset? transactionStart)
    {
        if ((profile.ValidFrom is { } from && t < from) || (profile.ValidTo is { } to && t >= to))
        {
            return null;
        }

        var start = ScheduleStart(profile, t, compositeStart, transactionStart);
        var offset = (t - start).TotalSeconds;
        var schedule = profile.ChargingSchedule;
        if (offset < 0 || (schedule.Duration is { } duration && offset >= duration))
        {
            return null;
        }

        // A period runs until the next startPeriod (§7.11); the list is not trusted to be in order.
        ChargingSchedulePeriod? current = null;
        foreach (var period in schedule.ChargingSchedulePeriod)
        {
            if (period.StartPeriod <= offset && (current is null || period.StartPeriod > current.StartPeriod))
            {
                current = period;
            }
        }

        return current;
    }

    /// <summary>Every instant in [<paramref name="start"/>, <paramref name="end"/>) at which the profile's period can change.</summary>
    public static IEnumerable<DateTimeOffset> Breakpoints(ChargingProfile profile, DateTimeOffset start, DateTimeOffset end, DateTimeOffset? transactionStart)
    {
        var instants = new List<DateTimeOffset>();
        if (profile.ValidFrom is { } from)
        {
            instants.Add(from);
        }

        if (profile.ValidTo is { } to)
        {
            instants.Add(to);
        }

        var schedule = profile.ChargingSchedule;
        void Occurrence(DateTimeOffset occurrence)
        {
            instants.AddRange(schedule.ChargingSchedulePeriod.Select(p => occurrence.AddSeconds(p.StartPeriod)));
            if (schedule.Duration is { } duration)
            {
                instants.Add(occurrence.AddSeconds(duration));
            }
        }

        var first = ScheduleStart(profile, start, start, transactionStart);
        if (profile.ChargingProfileKind != ChargingProfileKindType.Recurring)
        {
            Occurrence(first);
        }
        else
        {
            for (var occurrence = first; occurrence < end; occurrence += Recurrence(profile))
            {
                Occurrence(occurrence);
            }
        }

        return instants.Where(t => t >= start && t < end);
    }

    /// <summary>
    /// The start of the schedule's occurrence that covers <paramref name="t"/> (§7.8, §7.10): Absolute at
    /// startSchedule; Recurring at the latest Daily/Weekly repetition of startSchedule, and at startSchedule
    /// itself before the first one; Relative at the transaction's start, or at the composite's start when no
    /// transaction runs. A schedule without the startSchedule its kind needs starts at validFrom, else at the
    /// composite's start.
    /// </summary>
    private static DateTimeOffset ScheduleStart(ChargingProfile profile, DateTimeOffset t, DateTimeOffset compositeStart, DateTimeOffset? transactionStart)
    {
        if (profile.ChargingProfileKind == ChargingProfileKindType.Relative)
        {
            return transactionStart ?? compositeStart;
        }

        var anchor = profile.ChargingSchedule.StartSchedule ?? profile.ValidFrom ?? compositeStart;
        if (profile.ChargingProfileKind != ChargingProfileKindType.Recurring || t < anchor)
        {
            return anchor;
        }

        var every = Recurrence(profile);
        return anchor + TimeSpan.FromTicks(every.Ticks * ((t - anchor).Ticks / every.Ticks));
    }

    private static TimeSpan Recurrence(ChargingProfile profile) => profile.RecurrencyKind == RecurrencyKindType.Weekly ? Week : Day;
}
