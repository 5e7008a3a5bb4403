using OcppLab.ChargePoint.SmartCharging;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>The Smart Charging profile (OCPP 1.6 §3.13, §5.5, §5.7, §5.16); the composite schedule sets the simulated power.</summary>
public sealed partial class VirtualChargePoint
{
    private SetChargingProfileResponse OnSetChargingProfile(SetChargingProfileRequest request)
    {
        var rejected = new SetChargingProfileResponse { Status = ChargingProfileStatus.Rejected };
        var profile = request.CsChargingProfiles;
        if (!Template.Supports("SmartCharging"))
        {
            return new() { Status = ChargingProfileStatus.NotSupported };
        }

        if (ConnectorAt(request.ConnectorId) is not { } state
            || profile.StackLevel > Configuration.GetInt(Keys.ChargeProfileMaxStackLevel, 10)
            || profile.ChargingSchedule.ChargingSchedulePeriod.Count > Configuration.GetInt(Keys.ChargingScheduleMaxPeriods, 24)
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
                var tx = request.ConnectorId == 0 ? null : TransactionOn(request.ConnectorId);
                if (tx is null || (profile.TransactionId is { } id && id != tx.TransactionId))
                {
                    return rejected;
                }

                break;
        }

        if (!ChargingProfiles.Install(state.Id, profile, Configuration.GetInt(Keys.MaxChargingProfilesInstalled, 20)))
        {
            return rejected;
        }

        AfterResponse(ApplyPowerEverywhere);
        return new() { Status = ChargingProfileStatus.Accepted };
    }

    private bool UnitAllowed(ChargingRateUnitType unit)
    {
        var allowed = Configuration.Get(Keys.ChargingScheduleAllowedChargingRateUnit) ?? "Current,Power";
        return allowed.Contains(unit == ChargingRateUnitType.A ? "Current" : "Power", StringComparison.OrdinalIgnoreCase);
    }

    private ClearChargingProfileResponse OnClearChargingProfile(ClearChargingProfileRequest request)
    {
        var removed = ChargingProfiles.Clear(request.Id, request.ConnectorId, request.ChargingProfilePurpose, request.StackLevel);
        if (removed == 0)
        {
            return new() { Status = ClearChargingProfileStatus.Unknown };
        }

        AfterResponse(ApplyPowerEverywhere);
        return new() { Status = ClearChargingProfileStatus.Accepted };
    }

    private GetCompositeScheduleResponse OnGetCompositeSchedule(GetCompositeScheduleRequest request)
    {
        if (ConnectorAt(request.ConnectorId) is not { } state)
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

    /// <summary>The composite schedule of a connector from now on.</summary>
    public ChargingSchedule CompositeSchedule(int connectorId, int durationSeconds, ChargingRateUnitType unit = ChargingRateUnitType.A)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => CompositeSchedule(state, durationSeconds, unit));
    }

    private ChargingSchedule CompositeSchedule(ConnectorState state, int durationSeconds, ChargingRateUnitType unit)
    {
        var tx = state.Transaction;
        return CompositeScheduleCalculator.Compute(ChargingProfiles.All, new CompositeScheduleQuery
        {
            ConnectorId = state.Id,
            Start = Now,
            Duration = durationSeconds,
            Unit = unit,
            Transaction = tx is null ? null : (tx.TransactionId ?? -1, tx.StartedAt),
            HardwareLimitAmperes = Template.MaxCurrentAmperes,
            Phases = Template.Phases,
            Voltage = (decimal)Template.Voltage,
        });
    }
}
