using OcppLab.Csms.SmartCharging;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// The profile OCTT's smart charging cases ask the tester for (TC_056, TC_057, TC_067): "set a TxDefault /
/// TxProfile / ChargePointMax profile on connector C with limit L in unit U", with the configured stack level,
/// duration and phases where the case names them. The Central System builds the rest as it would for an
/// operator: the profile id, a single period from startPeriod 0 (OCPP 1.6 §7.11), the validity from now,
/// startSchedule for an Absolute schedule (§7.10), and for a TxProfile the transaction running on the connector (§5.16.3).
/// </summary>
/// <param name="ConnectorId">The connector, 0 for the whole charge point.</param>
/// <param name="ChargingProfilePurpose">TxDefaultProfile, TxProfile or ChargePointMaxProfile.</param>
/// <param name="Limit">The limit of the schedule's one period, in <paramref name="ChargingRateUnit"/>.</param>
/// <param name="ChargingRateUnit">A or W; default the first unit the station allows (ChargingScheduleAllowedChargingRateUnit), else A.</param>
/// <param name="NumberPhases">The phases the limit allows; default none sent (3, §7.14).</param>
/// <param name="StackLevel">The stack level; default 0.</param>
/// <param name="ChargingProfileId">The profile's id; default one above every id the station holds.</param>
/// <param name="ChargingProfileKind">Absolute (from now) or Relative (from the start of charging); default Absolute.</param>
/// <param name="Duration">Seconds the schedule and the profile's validity last; default open-ended.</param>
public sealed record ChargingProfileOrder(
    int ConnectorId,
    ChargingProfilePurposeType ChargingProfilePurpose,
    decimal Limit,
    ChargingRateUnitType? ChargingRateUnit,
    int? NumberPhases,
    int? StackLevel,
    int? ChargingProfileId,
    ChargingProfileKindType? ChargingProfileKind,
    int? Duration)
{
    /// <summary>SetChargingProfile.req for this order, given what the Central System knows of the station at <paramref name="now"/>.</summary>
    /// <param name="runningTransactionId">The transaction running on the connector; null when none.</param>
    /// <param name="installed">The profiles the Central System mirrors for the station.</param>
    /// <param name="limits">The station's smart charging limits, as last read from its configuration.</param>
    /// <param name="now">The Central System's clock.</param>
    public SetChargingProfileRequest ToRequest(int? runningTransactionId, IReadOnlyList<StoredProfile> installed, StationChargingLimits limits, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(installed);
        ArgumentNullException.ThrowIfNull(limits);
        var kind = ChargingProfileKind ?? ChargingProfileKindType.Absolute;
        return new()
        {
            ConnectorId = ConnectorId,
            CsChargingProfiles = new()
            {
                ChargingProfileId = ChargingProfileId ?? installed.Select(p => p.Profile.ChargingProfileId).DefaultIfEmpty(0).Max() + 1,

                // Only a TxProfile names a transaction (§7.8); ChargingProfileRules refuses one without a running transaction.
                TransactionId = ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile ? runningTransactionId : null,
                StackLevel = StackLevel ?? 0,
                ChargingProfilePurpose = ChargingProfilePurpose,
                ChargingProfileKind = kind,
                ValidFrom = now,
                ValidTo = Duration is { } seconds ? now.AddSeconds(seconds) : null,
                ChargingSchedule = new()
                {
                    Duration = Duration,
                    StartSchedule = kind == ChargingProfileKindType.Absolute ? now : null,
                    ChargingRateUnit = ChargingRateUnit ?? (limits.AllowedUnits is [var allowed, ..] ? allowed : ChargingRateUnitType.A),
                    ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = Limit, NumberPhases = NumberPhases }],
                },
            },
        };
    }
}

/// <summary>The station's answer to SetChargingProfile and the profile id the Central System sent.</summary>
/// <param name="Status">SetChargingProfile.conf status.</param>
/// <param name="ChargingProfileId">The chargingProfileId sent.</param>
/// <param name="TransactionId">For a TxProfile: the transaction it was bound to.</param>
public sealed record SetChargingProfileReply(ChargingProfileStatus Status, int ChargingProfileId, int? TransactionId);
