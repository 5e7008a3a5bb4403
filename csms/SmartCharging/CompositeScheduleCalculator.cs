using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>
/// Computes a connector's composite schedule from the profiles it holds, by the rules of OCPP 1.6 §3.13:
/// <list type="bullet">
/// <item>A profile counts at an instant when it is within validFrom/validTo and its schedule has a period
/// then (periods run to the next startPeriod; a schedule ends after its duration).</item>
/// <item>Schedule start: Absolute at startSchedule; Recurring at the latest Daily/Weekly repetition of
/// startSchedule (nothing before startSchedule itself); Relative at the transaction's start, or at the
/// composite's start when no transaction runs.</item>
/// <item>Within a purpose the highest stackLevel that counts wins (§3.13.2); on equal levels a profile of
/// the connector itself beats one of connector 0, then the later one.</item>
/// <item>TxProfile (of the running transaction, on the connector) overrides TxDefaultProfile (connector
/// or 0); the result is capped by ChargePointMaxProfile (connector 0). Connector 0's own composite is
/// the ChargePointMaxProfile alone.</item>
/// <item>A and W are converted with P = U × I × phases, using <see cref="Voltage"/> and the period's
/// numberPhases, or <see cref="DefaultPhases"/> when it has none (§7.11: absent means 3).</item>
/// </list>
/// minChargingRate is not part of the composite. Pure: the clock and the profiles are inputs.
/// </summary>
/// <param name="voltage">The phase-to-neutral voltage assumed for A↔W, in volts.</param>
/// <param name="defaultPhases">The phases assumed when a period gives none.</param>
public sealed class CompositeScheduleCalculator(decimal voltage = 230m, int defaultPhases = 3)
{
    private const int Day = 86_400;

    /// <summary>The voltage assumed for A↔W conversion.</summary>
    public decimal Voltage { get; } = voltage;

    /// <summary>The phases assumed when a period gives none.</summary>
    public int DefaultPhases { get; } = defaultPhases;

    /// <summary>The composite schedule of <paramref name="connectorId"/> from <paramref name="start"/> for <paramref name="duration"/> seconds.</summary>
    /// <param name="profiles">Every profile of the station.</param>
    /// <param name="connectorId">The connector (0: the station).</param>
    /// <param name="start">The start of the composite.</param>
    /// <param name="duration">Its length in seconds.</param>
    /// <param name="unit">The unit to express limits in.</param>
    /// <param name="transactionId">The transaction running on the connector, if any.</param>
    /// <param name="transactionStart">When it started (the start of Relative schedules).</param>
    public CompositeSchedule Compute(
        IReadOnlyList<StoredProfile> profiles, int connectorId, DateTimeOffset start, int duration, ChargingRateUnitType unit, int? transactionId = null, DateTimeOffset? transactionStart = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentOutOfRangeException.ThrowIfNegative(duration);
        var end = start.AddSeconds(duration);
        var relevant = profiles.Where(p => Applies(p, connectorId, transactionId)).ToList();
        var instants = relevant.SelectMany(p => Breakpoints(p, start, end, transactionStart))
            .Append(start)
            .Where(t => t >= start && t < end)
            .Distinct()
            .Order()
            .ToList();

        var periods = new List<CompositePeriod>();
        foreach (var t in instants)
        {
            var period = LimitAt(relevant, connectorId, t, start, unit, transactionStart) with { StartPeriod = (int)(t - start).TotalSeconds };
            if (periods.Count == 0 || !SameLimit(periods[^1], period))
            {
                periods.Add(period);
            }
        }

        return new CompositeSchedule(connectorId, start, duration, unit, periods);
    }

    private static bool Applies(StoredProfile p, int connectorId, int? transactionId) => p.Profile.ChargingProfilePurpose switch
    {
        ChargingProfilePurposeType.ChargePointMaxProfile => p.ConnectorId == 0,
        ChargingProfilePurposeType.TxDefaultProfile => connectorId != 0 && (p.ConnectorId == 0 || p.ConnectorId == connectorId),
        _ => connectorId != 0 && p.ConnectorId == connectorId && transactionId is not null && (p.Profile.TransactionId is null || p.Profile.TransactionId == transactionId),
    };

    private static bool SameLimit(CompositePeriod a, CompositePeriod b) =>
        a.Limit == b.Limit && a.NumberPhases == b.NumberPhases && a.LimitedBy == b.LimitedBy && a.ChargingProfileId == b.ChargingProfileId;

    private CompositePeriod LimitAt(List<StoredProfile> profiles, int connectorId, DateTimeOffset t, DateTimeOffset compositeStart, ChargingRateUnitType unit, DateTimeOffset? transactionStart)
    {
        Candidate? Winner(ChargingProfilePurposeType purpose) => profiles
            .Where(p => p.Profile.ChargingProfilePurpose == purpose)
            .Select(p => PeriodAt(p, t, compositeStart, transactionStart) is { } period ? new Candidate(p, period) : null)
            .OfType<Candidate>()
            .OrderByDescending(c => c.Profile.Profile.StackLevel)
            .ThenByDescending(c => c.Profile.ConnectorId == connectorId)
            .ThenByDescending(c => c.Profile.SetAt)
            .FirstOrDefault();

        var tx = Winner(ChargingProfilePurposeType.TxProfile) ?? Winner(ChargingProfilePurposeType.TxDefaultProfile);
        var cap = Winner(ChargingProfilePurposeType.ChargePointMaxProfile);
        var chosen = (tx, cap) switch
        {
            (null, null) => null,
            ({ } only, null) => only,
            (null, { } only) => only,
            ({ } a, { } b) => Convert(b, unit) < Convert(a, unit) ? b : a,
        };
        return chosen is null
            ? new CompositePeriod(0, null, null, null, null)
            : new CompositePeriod(0, Math.Round(Convert(chosen, unit), 1), Phases(chosen.Period), chosen.Profile.Profile.ChargingProfilePurpose, chosen.Profile.Profile.ChargingProfileId);
    }

    private decimal Convert(Candidate c, ChargingRateUnitType to)
    {
        var from = c.Profile.Profile.ChargingSchedule.ChargingRateUnit;
        var factor = Voltage * Phases(c.Period);
        return from == to ? c.Period.Limit : to == ChargingRateUnitType.W ? c.Period.Limit * factor : c.Period.Limit / factor;
    }

    private int Phases(ChargingSchedulePeriod period) => period.NumberPhases ?? DefaultPhases;

    private static ChargingSchedulePeriod? PeriodAt(StoredProfile stored, DateTimeOffset t, DateTimeOffset compositeStart, DateTimeOffset? transactionStart)
    {
        var profile = stored.Profile;
        if ((profile.ValidFrom is { } from && t < from) || (profile.ValidTo is { } to && t >= to))
        {
            return null;
        }

        if (ScheduleStart(profile, t, compositeStart, transactionStart) is not { } scheduleStart)
        {
            return null;
        }

        var offset = (t - scheduleStart).TotalSeconds;
        if (offset < 0 || (profile.ChargingSchedule.Duration is { } duration && offset >= duration))
        {
            return null;
        }

        return profile.ChargingSchedule.ChargingSchedulePeriod.LastOrDefault(p => p.StartPeriod <= offset);
    }

    private static DateTimeOffset? ScheduleStart(ChargingProfile profile, DateTimeOffset t, DateTimeOffset compositeStart, DateTimeOffset? transactionStart)
    {
        switch (profile.ChargingProfileKind)
        {
            case ChargingProfileKindType.Relative:
                return transactionStart ?? compositeStart;
            case ChargingProfileKindType.Recurring:
                var first = profile.ChargingSchedule.StartSchedule ?? compositeStart;
                if (t < first)
                {
                    return null;
                }

                var every = Recurrence(profile);
                return first.AddSeconds(Math.Floor((t - first).TotalSeconds / every) * every);
            default:
                return profile.ChargingSchedule.StartSchedule ?? profile.ValidFrom ?? compositeStart;
        }
    }

    private static int Recurrence(ChargingProfile profile) => profile.RecurrencyKind == RecurrencyKindType.Weekly ? 7 * Day : Day;

    private static IEnumerable<DateTimeOffset> Breakpoints(StoredProfile stored, DateTimeOffset start, DateTimeOffset end, DateTimeOffset? transactionStart)
    {
        var profile = stored.Profile;
        var schedule = profile.ChargingSchedule;
        if (profile.ValidFrom is { } from)
        {
            yield return from;
        }

        if (profile.ValidTo is { } to)
        {
            yield return to;
        }

        IEnumerable<DateTimeOffset> starts;
        if (profile.ChargingProfileKind == ChargingProfileKindType.Recurring)
        {
            var first = schedule.StartSchedule ?? start;
            var every = Recurrence(profile);
            var k0 = Math.Max(0, (long)Math.Floor((start - first).TotalSeconds / every));
            var k1 = Math.Max(0, (long)Math.Floor((end - first).TotalSeconds / every));
            starts = Enumerable.Range(0, (int)(k1 - k0 + 1)).Select(i => first.AddSeconds((k0 + i) * (double)every));
        }
        else
        {
            starts = [ScheduleStart(profile, start, start, transactionStart) ?? start];
        }

        foreach (var s in starts)
        {
            yield return s;
            foreach (var period in schedule.ChargingSchedulePeriod)
            {
                yield return s.AddSeconds(period.StartPeriod);
            }

            if (schedule.Duration is { } duration)
            {
                yield return s.AddSeconds(duration);
            }
        }
    }

    private sealed record Candidate(StoredProfile Profile, ChargingSchedulePeriod Period);
}
