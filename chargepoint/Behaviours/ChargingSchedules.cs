using OcppLab.ChargePoint.SmartCharging;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The Smart Charging profile (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): the installed charging profiles and the
/// limit they set on each connector now, which the meter follows.
/// </summary>
internal sealed class ChargingSchedules(ChargePointContext context)
{
    public ChargingProfileStore Profiles { get; } = new();

    public SetChargingProfileResponse OnSetChargingProfile(SetChargingProfileRequest request)
    {
        var rejected = new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected };
        var profile = request.CsChargingProfiles;
        if (!context.Template.Supports("SmartCharging"))
        {
            return new() { Status = ChargingProfileStatus.NotSupported };
        }

        if (context.ConnectorAt(request.ConnectorId) is not { } state
            || profile.StackLevel > context.Configuration.GetInt(Keys.ChargeProfileMaxStackLevel, 10)
            || profile.ChargingSchedule.ChargingSchedulePeriod.Count > context.Configuration.GetInt(Keys.ChargingScheduleMaxPeriods, 24)
            || !UnitAllowed(profile.ChargingSchedule.ChargingRateUnit))
        {
            return rejected;
        }

        switch (profile.ChargingProfilePurpose)
        {
            case ChargingProfilePurposeType.ChargePointMaxProfile when request.ConnectorId != 0:
                return rejected;
            case ChargingProfilePurposeType.TxProfile:
                // A TxProfile needs a running transaction on that connector, and the right one (OCTT TC_058_1, TC_058_2).
                var tx = request.ConnectorId == 0 ? null : state.Transaction;
                if (tx is null || (profile.TransactionId is { } id && id != tx.TransactionId))
                {
                    return rejected;
                }

                break;
        }

        if (!Install(state.Id, profile))
        {
            return rejected;
        }

        context.AfterResponse(context.ApplyPowerEverywhere);
        return new() { Status = ChargingProfileStatus.Accepted };
    }

    public ClearChargingProfileResponse OnClearChargingProfile(ClearChargingProfileRequest request)
    {
        var removed = Profiles.Clear(request.Id, request.ConnectorId, request.ChargingProfilePurpose, request.StackLevel);
        if (removed == 0)
        {
            return new() { Status = ClearChargingProfileStatus.Unknown };
        }

        context.AfterResponse(context.ApplyPowerEverywhere);
        return new() { Status = ClearChargingProfileStatus.Accepted };
    }

    public GetCompositeScheduleResponse OnGetCompositeSchedule(GetCompositeScheduleRequest request)
    {
        if (context.ConnectorAt(request.ConnectorId) is not { } state)
        {
            return new() { Status = GetCompositeScheduleStatus.Rejected };
        }

        var schedule = CompositeSchedule(state, request.Duration, request.ChargingRateUnit ?? ChargingRateUnitType.A);
        return new()
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = request.ConnectorId,
            ScheduleStart = schedule.StartSchedule,
            ChargingSchedule = schedule,
        };
    }

    /// <summary>Installs a profile (e.g. the TxProfile of a RemoteStartTransaction); false when it does not fit.</summary>
    public bool Install(int connectorId, ChargingProfile profile) =>
        Profiles.Install(connectorId, profile, context.Configuration.GetInt(Keys.MaxChargingProfilesInstalled, 20));

    /// <summary>The composite schedule of a connector from now on.</summary>
    public ChargingSchedule CompositeSchedule(ConnectorState state, int durationSeconds, ChargingRateUnitType unit) =>
        Calculator.Compute(Profiles.All, Query(state, durationSeconds) with { Unit = unit }).ToChargingSchedule();

    /// <summary>The limit in A per phase that the composite schedule allows on a connector now.</summary>
    public decimal LimitAmperes(ConnectorState state) =>
        Calculator.LimitAt(Profiles.All, Query(state, 1), context.Now).Limit ?? context.Template.MaxCurrentAmperes;

    private CompositeScheduleCalculator Calculator => new((decimal)context.Template.Voltage, context.Template.Phases);

    private CompositeScheduleQuery Query(ConnectorState state, int durationSeconds) => new()
    {
        ConnectorId = state.Id,
        Start = context.Now,
        Duration = durationSeconds,
        Transaction = state.Transaction is { } tx ? (tx.TransactionId ?? -1, tx.StartedAt) : null,
        HardwareLimitAmperes = context.Template.MaxCurrentAmperes,
    };

    private bool UnitAllowed(ChargingRateUnitType unit)
    {
        var allowed = context.Configuration.Get(Keys.ChargingScheduleAllowedChargingRateUnit) ?? "Current,Power";
        return allowed.Contains(unit == ChargingRateUnitType.A ? "Current" : "Power", StringComparison.OrdinalIgnoreCase);
    }
}
