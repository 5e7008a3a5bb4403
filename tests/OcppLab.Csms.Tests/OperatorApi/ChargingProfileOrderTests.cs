using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.OperatorApi;

/// <summary>
/// The manual action "set a TxDefault / TxProfile / ChargePointMax profile with limit L in unit U": what the
/// Central System fills in itself when the tester gives only the purpose and the limit.
/// </summary>
public sealed class ChargingProfileOrderTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void An_absolute_profile_starts_now_and_is_valid_for_its_duration()
    {
        var order = new ChargingProfileOrder(1, ChargingProfilePurposeType.TxDefaultProfile, 6.0m, ChargingRateUnitType.A, 3, 2, 7, null, 3600);

        var request = order.ToRequest(runningTransactionId: 42, [], StationChargingLimits.None, Now);

        var profile = request.CsChargingProfiles;
        Assert.Multiple(() =>
        {
            Assert.That(request.ConnectorId, Is.EqualTo(1));
            Assert.That(profile.ChargingProfileId, Is.EqualTo(7));
            Assert.That(profile.StackLevel, Is.EqualTo(2));
            Assert.That(profile.ChargingProfileKind, Is.EqualTo(ChargingProfileKindType.Absolute));
            Assert.That(profile.TransactionId, Is.Null, "only a TxProfile names a transaction (OCPP 1.6 §7.8)");
            Assert.That(profile.RecurrencyKind, Is.Null);
            Assert.That(profile.ValidFrom, Is.EqualTo(Now));
            Assert.That(profile.ValidTo, Is.EqualTo(Now.AddHours(1)));
            Assert.That(profile.ChargingSchedule.StartSchedule, Is.EqualTo(Now));
            Assert.That(profile.ChargingSchedule.Duration, Is.EqualTo(3600));
            Assert.That(profile.ChargingSchedule.ChargingSchedulePeriod, Is.EqualTo(new[] { new ChargingSchedulePeriod { StartPeriod = 0, Limit = 6.0m, NumberPhases = 3 } }));
        });
    }

    [Test]
    public void A_TxProfile_is_bound_to_the_transaction_running_on_the_connector()
    {
        var order = new ChargingProfileOrder(1, ChargingProfilePurposeType.TxProfile, 6.0m, null, null, null, null, null, null);

        var profile = order.ToRequest(runningTransactionId: 42, [], StationChargingLimits.None, Now).CsChargingProfiles;

        Assert.That(profile.TransactionId, Is.EqualTo(42));
    }

    [Test]
    public void Left_to_the_central_system_the_id_is_new_the_unit_one_the_station_allows_and_a_relative_schedule_has_no_start()
    {
        var installed = new StoredProfile("CP1", 1, Profile(5), Now);
        var order = new ChargingProfileOrder(0, ChargingProfilePurposeType.ChargePointMaxProfile, 6000m, null, null, null, null, ChargingProfileKindType.Relative, null);

        var profile = order.ToRequest(null, [installed], new StationChargingLimits(null, null, [ChargingRateUnitType.W]), Now).CsChargingProfiles;

        Assert.Multiple(() =>
        {
            Assert.That(profile.ChargingProfileId, Is.EqualTo(6));
            Assert.That(profile.StackLevel, Is.Zero);
            Assert.That(profile.ChargingSchedule.ChargingRateUnit, Is.EqualTo(ChargingRateUnitType.W));
            Assert.That(profile.ChargingSchedule.StartSchedule, Is.Null, "a Relative schedule starts with the transaction (OCPP 1.6 §7.10)");
            Assert.That(profile.ValidTo, Is.Null, "no duration: open-ended");
        });
    }

    private static ChargingProfile Profile(int id) => new()
    {
        ChargingProfileId = id,
        StackLevel = 0,
        ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile,
        ChargingProfileKind = ChargingProfileKindType.Relative,
        ChargingSchedule = new() { ChargingRateUnit = ChargingRateUnitType.A, ChargingSchedulePeriod = [new() { StartPeriod = 0, Limit = 16 }] },
    };
}
