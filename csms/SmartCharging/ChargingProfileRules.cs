using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>A rule a charging profile breaks: the field, its value, and the rule in the spec's words.</summary>
/// <param name="Field">The JSON path of the field.</param>
/// <param name="Value">The offending value.</param>
/// <param name="Rule">The rule.</param>
public sealed record ProfileRuleBreach(string Field, object? Value, string Rule);

/// <summary>
/// The checks made before a profile is sent (OCPP 1.6 §3.13, §5.16, §7.8–7.11), so the operator hears
/// which rule a profile breaks rather than a bare Rejected from the station.
/// </summary>
public static class ChargingProfileRules
{
    private const int Day = 86_400;
    private const int Week = 7 * Day;

    /// <summary>The first rule <paramref name="profile"/> breaks when set on <paramref name="connectorId"/>, or null.</summary>
    /// <param name="connectorId">The connector of SetChargingProfile.req (0: the whole station).</param>
    /// <param name="profile">The profile.</param>
    /// <param name="field">The JSON path of the profile in the request, for the breach's field name.</param>
    /// <param name="runningTransactionId">The transaction running on the connector; null when none. Not checked when <paramref name="forRemoteStart"/>.</param>
    /// <param name="forRemoteStart">The profile goes with a RemoteStartTransaction: its transaction does not exist yet.</param>
    /// <param name="limits">The station's smart charging limits as last read from its configuration.</param>
    public static ProfileRuleBreach? Check(int connectorId, ChargingProfile profile, string field, int? runningTransactionId, bool forRemoteStart, StationChargingLimits limits)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(limits);
        var schedule = profile.ChargingSchedule;
        var periods = schedule.ChargingSchedulePeriod;
        return connectorId < 0 ? new("connectorId", connectorId, "connectorId is 0 (the whole Charge Point) or a connector id (OCPP 1.6 §6.43).")
            : profile.StackLevel < 0 ? new($"{field}.stackLevel", profile.StackLevel, "stackLevel is 0 or more (OCPP 1.6 §7.8).")
            : limits.MaxStackLevel is { } maxLevel && profile.StackLevel > maxLevel ? new($"{field}.stackLevel", profile.StackLevel, $"The station's ChargeProfileMaxStackLevel is {maxLevel} (OCPP 1.6 §9.4).")
            : profile.ChargingProfilePurpose == ChargingProfilePurposeType.ChargePointMaxProfile && connectorId != 0
                ? new("connectorId", connectorId, "A ChargePointMaxProfile can only be set at Charge Point ConnectorId 0 (OCPP 1.6 §7.9).")
            : profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && connectorId == 0 && !forRemoteStart
                ? new("connectorId", connectorId, "A TxProfile SHALL only be set at a connector id > 0 (OCPP 1.6 §7.9).")
            : profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && !forRemoteStart && runningTransactionId is null
                ? new("connectorId", connectorId, "A TxProfile needs a running transaction on that connector; without one the Charge Point discards it (OCPP 1.6 §5.16.3).")
            : profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && !forRemoteStart && profile.TransactionId is { } tx && tx != runningTransactionId
                ? new($"{field}.transactionId", tx, $"The transaction running on connector {connectorId} is {runningTransactionId}.")
            : profile.TransactionId is not null && profile.ChargingProfilePurpose != ChargingProfilePurposeType.TxProfile
                ? new($"{field}.transactionId", profile.TransactionId, "transactionId SHALL only be set when chargingProfilePurpose is TxProfile (OCPP 1.6 §7.8).")
            : profile.ChargingProfileKind == ChargingProfileKindType.Recurring && profile.RecurrencyKind is null
                ? new($"{field}.recurrencyKind", null, "A Recurring profile needs recurrencyKind Daily or Weekly (OCPP 1.6 §7.8).")
            : profile.ChargingProfileKind != ChargingProfileKindType.Recurring && profile.RecurrencyKind is not null
                ? new($"{field}.recurrencyKind", profile.RecurrencyKind, "recurrencyKind is only for a Recurring profile (OCPP 1.6 §7.8).")
            : profile.ChargingProfileKind is ChargingProfileKindType.Absolute or ChargingProfileKindType.Recurring && schedule.StartSchedule is null
                ? new($"{field}.chargingSchedule.startSchedule", null, $"An {profile.ChargingProfileKind} schedule needs startSchedule: its periods count from it (OCPP 1.6 §7.10).")
            : profile.ChargingProfileKind == ChargingProfileKindType.Relative && schedule.StartSchedule is not null
                ? new($"{field}.chargingSchedule.startSchedule", schedule.StartSchedule, "A Relative schedule has no startSchedule: it starts with the transaction (OCPP 1.6 §7.10).")
            : profile.ValidFrom is { } from && profile.ValidTo is { } to && from >= to
                ? new($"{field}.validTo", to, "validTo must come after validFrom.")
            : schedule.Duration is <= 0 ? new($"{field}.chargingSchedule.duration", schedule.Duration, "duration is a positive number of seconds.")
            : profile.RecurrencyKind == RecurrencyKindType.Daily && schedule.Duration > Day
                ? new($"{field}.chargingSchedule.duration", schedule.Duration, "A Daily schedule lasts at most 86400 s, one recurrence.")
            : profile.RecurrencyKind == RecurrencyKindType.Weekly && schedule.Duration > Week
                ? new($"{field}.chargingSchedule.duration", schedule.Duration, "A Weekly schedule lasts at most 604800 s, one recurrence.")
            : limits.AllowedUnits is { } units && !units.Contains(schedule.ChargingRateUnit)
                ? new($"{field}.chargingSchedule.chargingRateUnit", schedule.ChargingRateUnit, $"The station allows only {string.Join(", ", units)} (ChargingScheduleAllowedChargingRateUnit, OCPP 1.6 §9.4).")
            : limits.MaxPeriods is { } maxPeriods && periods.Count > maxPeriods
                ? new($"{field}.chargingSchedule.chargingSchedulePeriod", periods.Count, $"The station takes at most {maxPeriods} periods (ChargingScheduleMaxPeriods, OCPP 1.6 §9.4).")
            : CheckPeriods(periods, $"{field}.chargingSchedule.chargingSchedulePeriod");
    }

    private static ProfileRuleBreach? CheckPeriods(IReadOnlyList<ChargingSchedulePeriod> periods, string field)
    {
        if (periods.Count == 0 || periods[0].StartPeriod != 0)
        {
            return new($"{field}[0].startPeriod", periods.Count == 0 ? null : periods[0].StartPeriod, "The first schedule period starts at startPeriod 0, the start of the schedule (OCPP 1.6 §7.11).");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (i > 0 && period.StartPeriod <= periods[i - 1].StartPeriod)
            {
                return new($"{field}[{i}].startPeriod", period.StartPeriod, "Periods are in increasing order of startPeriod (OCPP 1.6 §7.11).");
            }

            if (period.Limit < 0)
            {
                return new($"{field}[{i}].limit", period.Limit, "A limit is 0 or more.");
            }

            if (period.NumberPhases is < 1 or > 3)
            {
                return new($"{field}[{i}].numberPhases", period.NumberPhases, "numberPhases is 1, 2 or 3 (OCPP 1.6 §7.11).");
            }
        }

        return null;
    }
}
