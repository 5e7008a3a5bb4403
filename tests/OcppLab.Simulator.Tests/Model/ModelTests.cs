using OcppLab.ChargePoint.Authorization;
using OcppLab.ChargePoint.Metering;
using OcppLab.ChargePoint.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Tests.Model;

public sealed class ModelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly IdTagInfo Accepted = new() { Status = AuthorizationStatus.Accepted };

    [Test]
    public void The_energy_meter_integrates_power_over_time()
    {
        var meter = new EnergyMeter(T0, initialWh: 1000);

        meter.SetCurrent(T0, 16);
        meter.SetCurrent(T0.AddMinutes(30), 0);

        Assert.That(meter.RegisterWh(T0.AddHours(2)), Is.EqualTo(1000 + (16 * 3 * 230 / 2.0)));
    }

    [Test]
    public void A_differential_update_without_id_tag_info_removes_the_tag()
    {
        var list = new LocalAuthorizationList();
        list.Apply(UpdateType.Full, 1, [new AuthorizationData { IdTag = "A", IdTagInfo = Accepted }, new AuthorizationData { IdTag = "B", IdTagInfo = Accepted }], 10);

        var status = list.Apply(UpdateType.Differential, 2, [new AuthorizationData { IdTag = "A" }], 10);

        Assert.That(status, Is.EqualTo(UpdateStatus.Accepted));
        Assert.That(list.Find("A"), Is.Null);
        Assert.That(list.Find("b"), Is.Not.Null, "IdTags compare case-insensitively");
    }

    [Test]
    public void A_list_longer_than_its_maximum_fails_and_keeps_the_old_list()
    {
        var list = new LocalAuthorizationList();
        list.Apply(UpdateType.Full, 1, [new AuthorizationData { IdTag = "A", IdTagInfo = Accepted }], 1);

        var status = list.Apply(UpdateType.Differential, 2, [new AuthorizationData { IdTag = "B", IdTagInfo = Accepted }], 1);

        Assert.That(status, Is.EqualTo(UpdateStatus.Failed));
        Assert.That(list.Version, Is.EqualTo(1));
    }

    [Test]
    public void A_profile_with_the_same_purpose_and_stack_level_replaces_the_old_one()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, 0), 10);

        store.Install(1, Profile(2, 0), 10);
        store.Install(1, Profile(3, 1), 10);

        Assert.That(store.All.Select(p => p.Profile.ChargingProfileId), Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void The_store_refuses_more_than_its_maximum_and_clears_all_without_criteria()
    {
        var store = new ChargingProfileStore();
        store.Install(1, Profile(1, 0), 1);

        var second = store.Install(1, Profile(2, 1), 1);
        var cleared = store.Clear(null, null, null, null);

        Assert.That(second, Is.False);
        Assert.That(cleared, Is.EqualTo(1));
    }

    private static ChargingProfile Profile(int id, int stackLevel) => new()
    {
        ChargingProfileId = id,
        StackLevel = stackLevel,
        ChargingProfilePurpose = ChargingProfilePurposeType.TxDefaultProfile,
        ChargingProfileKind = ChargingProfileKindType.Absolute,
        ChargingSchedule = new ChargingSchedule { ChargingRateUnit = ChargingRateUnitType.A, StartSchedule = T0, ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 10 }] },
    };
}
