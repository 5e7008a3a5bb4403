using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class SmartChargingTests
{
    private static ChargingProfile Profile(int id, ChargingProfilePurposeType purpose, int stackLevel, decimal limit, int? transactionId = null, ChargingRateUnitType unit = ChargingRateUnitType.A) =>
        new()
        {
            ChargingProfileId = id,
            StackLevel = stackLevel,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = ChargingProfileKindType.Relative,
            TransactionId = transactionId,
            ChargingSchedule = new ChargingSchedule { ChargingRateUnit = unit, ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = limit }] },
        };

    [Test]
    public async Task A_tx_profile_without_a_transaction_or_for_another_transaction_is_rejected()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        var none = await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxProfile, 0, 6) });
        await h.StartChargingAsync(1);

        var wrong = await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxProfile, 0, 6, transactionId: 999) });
        var right = await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxProfile, 0, 6, transactionId: 101) });

        Assert.That(new[] { none.Status, wrong.Status, right.Status }, Is.EqualTo(new[] { ChargingProfileStatus.Rejected, ChargingProfileStatus.Rejected, ChargingProfileStatus.Accepted }));
    }

    [Test]
    public async Task A_charge_point_max_profile_must_be_on_connector_zero()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        var onOne = await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, 0, 20) });
        var onZero = await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 0, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, 0, 20) });

        Assert.That(onOne.Status, Is.EqualTo(ChargingProfileStatus.Rejected));
        Assert.That(onZero.Status, Is.EqualTo(ChargingProfileStatus.Accepted));
    }

    [Test]
    public async Task The_composite_schedule_reports_the_default_profile_in_the_requested_unit()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 0, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, 6) });

        var amperes = await h.CallAsync(new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 300 });
        var watts = await h.CallAsync(new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 300, ChargingRateUnit = ChargingRateUnitType.W });

        Assert.Multiple(() =>
        {
            Assert.That(amperes.Status, Is.EqualTo(GetCompositeScheduleStatus.Accepted));
            Assert.That(amperes.ScheduleStart, Is.EqualTo(h.Now));
            Assert.That(amperes.ChargingSchedule!.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(6m));
            Assert.That(watts.ChargingSchedule!.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(4140m));
        });
    }

    [Test]
    public async Task Clearing_by_purpose_and_stack_level_falls_back_to_the_lower_level()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 0, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, 16) });
        await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 0, CsChargingProfiles = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 1, 8) });

        var cleared = await h.CallAsync(new ClearChargingProfileRequest { ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile, StackLevel = 1 });
        var nothing = await h.CallAsync(new ClearChargingProfileRequest { Id = 42 });
        var schedule = await h.CallAsync(new GetCompositeScheduleRequest { ConnectorId = 1, Duration = 60 });

        Assert.That(cleared.Status, Is.EqualTo(ClearChargingProfileStatus.Accepted));
        Assert.That(nothing.Status, Is.EqualTo(ClearChargingProfileStatus.Unknown));
        Assert.That(schedule.ChargingSchedule!.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(16m));
    }

    [Test]
    public async Task A_zero_limit_suspends_the_evse_and_stops_the_meter()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        await h.CallAsync(new SetChargingProfileRequest { ConnectorId = 1, CsChargingProfiles = Profile(1, ChargingProfilePurposeType.TxProfile, 0, 0) });

        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.SuspendedEVSE));
        Assert.That(h.ChargePoint.PowerW(1), Is.Zero);
    }

    [Test]
    public async Task A_remote_start_profile_binds_to_the_new_transaction_and_ends_with_it()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.ChargePoint.PlugIn(1);

        await h.CallAsync(new OcppLab.Protocol.Messages.Core.RemoteStartTransactionRequest
        {
            ConnectorId = 1,
            IdTag = "TAG1",
            ChargingProfile = Profile(5, ChargingProfilePurposeType.TxProfile, 0, 10),
        });
        var during = h.ChargePoint.PowerW(1);
        await h.CallAsync(new OcppLab.Protocol.Messages.Core.RemoteStopTransactionRequest { TransactionId = 101 });

        Assert.That(during, Is.EqualTo(10 * 3 * 230));
        Assert.That(h.ChargePoint.ChargingProfiles.All, Is.Empty);
    }
}
