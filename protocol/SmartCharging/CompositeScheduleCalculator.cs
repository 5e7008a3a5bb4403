using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.SmartCharging;

/// <summary>
/// A connector's composite schedule from the profiles installed at a Charge Point, by the rules of OCPP 1.6
/// §3.13 — the one calculation both ends use: the Charge Point to answer GetCompositeSchedule and to limit
/// its power, the Central System to show what a station should answer.
/// <list type="bullet">
/// <item>Within a purpose, the leading profile at an instant is the one with the highest stackLevel that is
/// valid then and has a period then (§3.13.2); where it has none, the next level down leads.</item>
/// <item>TxProfile (of the running transaction, on the connector) overrides TxDefaultProfile; the result is
/// capped by ChargePointMaxProfile (connector 0) and by the Charge Point's own hardware limit. Connector 0's
/// composite is the ChargePointMaxProfile alone.</item>
/// <item>A and W are converted with P = U × I × phases, using <see cref="Voltage"/> and the period's
/// numberPhases, or <see cref="DefaultPhases"/> when it has none (§7.11: absent means 3).</item>
/// </list>
/// minChargingRate is not part of the composite. Pure: the clock and the profiles are inputs.
/// </summary>
public sealed class CompositeScheduleCalculator
{
    /// <summary>A calculator assuming <paramref name="voltage"/> and <paramref name="defaultPhases"/> for A↔W.</summary>
    /// <param name="voltage">The phase-to-neutral voltage in volts.</param>
    /// <param name="defaultPhases">The phases assumed when a period gives none.</param>
    public CompositeScheduleCalculator(decimal voltage = 230m, int defaultPhases = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(voltage);
        if (defaultPhases is < 1 or > 3)
        {
            throw new ArgumentOutOfRangeException(nameof(defaultPhases), defaultPhases, "numberPhases is 1, 2 or 3 (OCPP 1.6 §7.11).");
        }

        Voltage = voltage;
        DefaultPhases = defaultPhases;
    }

    /// <summary>The voltage assumed for A↔W conversion.</summary>
    public decimal Voltage { get; }

    /// <summary>The phases assumed when a period gives none.</summary>
    public int DefaultPhases { get; }

    /// <summary>The composite schedule for <paramref name="query"/>: one period per change of limit, equal neighbours merged.</summary>
    /// <param name="profiles">Every profile installed at the Charge Point.</param>
    /// <param name="query">The connector, window, unit and running transaction.</param>
    public CompositeSchedule Compute(IEnumerable<InstalledChargingProfile> profiles, CompositeScheduleQuery query)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(query);
        var relevant = profiles.Where(p => Applies(p, query)).ToList();
        var end = query.Start.AddSeconds(Math.Max(0, query.Duration));
        var transactionStart = query.Transaction?.StartedAt;
        var instants = relevant.SelectMany(p => ProfileTimeline.Breakpoints(p.Profile, query.Start, end, transactionStart))
            .Append(query.Start)
            .Distinct()
            .Order();

        var periods = new List<CompositePeriod>();
        foreach (var t in instants)
        {
            var period = LimitAt(relevant, query, t);
            if (periods.Count == 0 || periods[^1].Limit != period.Limit || periods[^1].NumberPhases != period.NumberPhases)
            {
                periods.Add(period);
            }
        }

        return new CompositeSchedule(query.ConnectorId, query.Start, query.Duration, query.Unit, periods);
    }

    /// <summary>The limit in force at <paramref name="instant"/> in the query's unit, with what set it.</summary>
    /// <param name="profiles">Every profile installed at the Charge Point.</param>
    /// <param name="query">The connector, unit and running transaction; Relative schedules without a transaction count from its start.</param>
    /// <param name="instant">The instant.</param>
    public CompositePeriod LimitAt(IEnumerable<InstalledChargingProfile> profiles, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(query);
        var relevant = profiles.Where(p => Applies(p, query)).ToList();
        var candidates = new List<Candidate>(3);
        if (query.ConnectorId != 0 && TransactionLimit(relevant, query, instant) is { } tx)
        {
            candidates.Add(tx);
        }

        if (Leading(relevant, ChargingProfilePurposeType.ChargePointMaxProfile, null, query, instant) is { } cap)
        {
            candidates.Add(cap);
        }

        if (query.HardwareLimitAmperes is { } hardware)
        {
            candidates.Add(new Candidate(null, hardware, ChargingRateUnitType.A, DefaultPhases));
        }

        // The lowest limit wins; on a tie the earlier candidate (transaction, then cap, then hardware) names the period.
        var start = (int)(instant - query.Start).TotalSeconds;
        var chosen = candidates.Count == 0 ? null : candidates.MinBy(c => Convert(c, query.Unit));
        return chosen is null
            ? new CompositePeriod(start, null, null, null, null)
            : new CompositePeriod(start, Math.Round(Convert(chosen, query.Unit), 1), chosen.Phases, chosen.Profile?.ChargingProfilePurpose, chosen.Profile?.ChargingProfileId);
    }

    /// <summary>Which installed profiles can count for the query's connector at all (§3.13.1, §5.16).</summary>
    private static bool Applies(InstalledChargingProfile installed, CompositeScheduleQuery query) => installed.Profile.ChargingProfilePurpose switch
    {
        // "ChargePointMaxProfile can only be set at Charge Point ConnectorId 0" (§3.13.1); elsewhere it is no cap.
        ChargingProfilePurposeType.ChargePointMaxProfile => installed.ConnectorId == 0,
        ChargingProfilePurposeType.TxDefaultProfile => query.ConnectorId != 0 && (installed.ConnectorId == 0 || installed.ConnectorId == query.ConnectorId),
        ChargingProfilePurposeType.TxProfile => query.ConnectorId != 0
            && installed.ConnectorId == query.ConnectorId
            && query.Transaction is { } running
            && (installed.Profile.TransactionId is null || installed.Profile.TransactionId == running.TransactionId),
        _ => false,
    };

    /// <summary>
    /// The transaction's limit: its TxProfile, else the connector's own TxDefaultProfile, else connector 0's.
    /// </summary>
    private Candidate? TransactionLimit(List<InstalledChargingProfile> relevant, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        // A TxProfile overrides TxDefaultProfile "for the duration of the current transaction" (§3.13.1), not
        // only while its own schedule has a period: once the transaction has one, the defaults stay out even
        // after its schedule ends. OCTT's TC_066_CS expects exactly that (the limit returns to the
        // ChargePointMaxProfile, not to the TxDefaultProfile, after the TxProfile's 260 s).
        if (relevant.Exists(p => p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile))
        {
            return Leading(relevant, ChargingProfilePurposeType.TxProfile, query.ConnectorId, query, instant);
        }

        // A TxDefaultProfile on connector 0 is the default of every connector (§3.13.1, §6.43); one set on the
        // connector itself is the more specific default and leads over it whatever their stack levels. Where
        // the connector's own have no period, connector 0's apply, as a lower stack level does (§3.13.2).
        return Leading(relevant, ChargingProfilePurposeType.TxDefaultProfile, query.ConnectorId, query, instant)
            ?? Leading(relevant, ChargingProfilePurposeType.TxDefaultProfile, 0, query, instant);
    }

    /// <summary>
    /// The leading profile of <paramref name="purpose"/> (on <paramref name="connectorId"/> when given) at
    /// <paramref name="instant"/>: the highest stackLevel with a period then (§3.13.2). A Charge Point holds one
    /// profile per connector, purpose and level (§5.16), so a tie only comes from a mirror that kept an older
    /// one; the one installed last wins it.
    /// </summary>
    private Candidate? Leading(List<InstalledChargingProfile> relevant, ChargingProfilePurposeType purpose, int? connectorId, CompositeScheduleQuery query, DateTimeOffset instant)
    {
        Candidate? best = null;
        foreach (var installed in relevant)
        {
            var profile = installed.Profile;
            if (profile.ChargingProfilePurpose != purpose
                || (connectorId is { } id && installed.ConnectorId != id)
                || (best is not null && profile.StackLevel < best.Profile!.StackLevel)
                || ProfileTimeline.PeriodAt(profile, instant, query.Start, query.Transaction?.StartedAt) is not { } period)
            {
                continue;
            }

            best = new Candidate(profile, period.Limit, profile.ChargingSchedule.ChargingRateUnit, period.NumberPhases ?? DefaultPhases);
        }

        return best;
    }

    private decimal Convert(Candidate c, ChargingRateUnitType to) =>
        c.Unit == to ? c.Limit
        : to == ChargingRateUnitType.W ? c.Limit * Voltage * c.Phases
        : c.Limit / (Voltage * c.Phases);

    /// <summary>A limit in its own unit and phases, and the profile that set it (null: the hardware limit).</summary>
    private sealed record Candidate(ChargingProfile? Profile, decimal Limit, ChargingRateUnitType Unit, int Phases);
}
