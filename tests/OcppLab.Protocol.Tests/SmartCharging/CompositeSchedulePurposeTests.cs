using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;
using static OcppLab.Protocol.Tests.SmartCharging.Vectors;

namespace OcppLab.Protocol.Tests.SmartCharging;

/// <summary>Stacking within a purpose and combining the purposes (OCPP 1.6 §3.13.1, §3.13.2).</summary>
public sealed class CompositeSchedulePurposeTests
{
    private const ChargingProfilePurposeType Max = ChargingProfilePurposeType.ChargePointMaxProfile;
    private const ChargingProfilePurposeType Default = ChargingProfilePurposeType.TxDefaultProfile;
    private const ChargingProfilePurposeType Tx = ChargingProfilePurposeType.TxProfile;

    private readonly CompositeScheduleCalculator calculator = new();

    [Test]
    public void Without_profiles_the_hardware_limit_is_the_schedule()
    {
        var schedule = calculator.Compute([], Query(hardware: 32));

        Assert.Multiple(() =>
        {
            Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 32m))));
            Assert.That(schedule.ScheduleStart, Is.EqualTo(Now));
            Assert.That(schedule.Duration, Is.EqualTo(600));
            Assert.That(schedule.ChargingSchedulePeriod.Single().LimitedBy, Is.Null);
        });
    }

    [Test]
    public void Without_profiles_or_a_hardware_limit_the_whole_schedule_is_one_unlimited_period()
    {
        var schedule = calculator.Compute([], Query(duration: 3600));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, null))));
    }

    [Test]
    public void Within_a_purpose_the_highest_stack_level_wins_and_the_lower_one_takes_over_when_it_ends()
    {
        var low = Profile(1, Default, 0, [(0, 32m)]);
        var high = Profile(2, Default, 5, [(0, 8m)], duration: 600);

        var schedule = calculator.Compute([low, high], Query(duration: 1800));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 8m), (600, 32m))));
        Assert.That(schedule.ChargingSchedulePeriod.Select(p => p.ChargingProfileId), Is.EqualTo(new int?[] { 2, 1 }));
    }

    [Test]
    public void A_higher_stack_level_that_is_not_valid_yet_does_not_shadow_a_lower_one()
    {
        var low = Profile(1, Default, 0, [(0, 16m)]);
        var high = Profile(2, Default, 3, [(0, 6m)], validFrom: Now.AddSeconds(300));

        var schedule = calculator.Compute([low, high], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 16m), (300, 6m))));
    }

    [Test]
    public void A_connector_profile_beats_a_connector_0_profile_of_the_same_level()
    {
        var station = Profile(1, Default, 1, [(0, 20m)], connectorId: 0);
        var connector = Profile(2, Default, 1, [(0, 12m)]);

        var schedule = calculator.Compute([station, connector], Query());

        Assert.That(schedule.ChargingSchedulePeriod.Single().ChargingProfileId, Is.EqualTo(2));
    }

    [Test]
    public void A_default_profile_on_the_connector_overrides_the_one_on_connector_0_whatever_the_levels()
    {
        var all = Profile(1, Default, 5, [(0, 10m)], connectorId: 0);
        var own = Profile(2, Default, 0, [(0, 14m)]);

        var schedule = calculator.Compute([all, own], Query(hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 14m))));
    }

    [Test]
    public void Connector_0s_default_applies_where_the_connectors_own_has_no_period()
    {
        var all = Profile(1, Default, 0, [(0, 10m)], connectorId: 0);
        var own = Profile(2, Default, 0, [(0, 14m)], duration: 120);

        var schedule = calculator.Compute([all, own], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 14m), (120, 10m))));
    }

    [Test]
    public void A_TxProfile_of_the_running_transaction_overrides_the_TxDefaultProfile()
    {
        var fallback = Profile(1, Default, 9, [(0, 32m)]);
        var tx = Profile(2, Tx, 0, [(0, 20m)], transactionId: 77);

        var running = calculator.Compute([fallback, tx], Query(transaction: (77, Now)));
        var other = calculator.Compute([fallback, tx], Query(transaction: (78, Now)));
        var none = calculator.Compute([fallback, tx], Query());

        Assert.That(Periods(running), Is.EqualTo(Expect((0, 20m))));
        Assert.That(Periods(other), Is.EqualTo(Expect((0, 32m))));
        Assert.That(Periods(none), Is.EqualTo(Expect((0, 32m))));
    }

    [Test]
    public void A_TxProfile_keeps_the_TxDefaultProfile_out_for_the_whole_transaction_even_after_its_schedule_ends()
    {
        var txDefault = Profile(1, Default, 0, [(0, 16m)]);
        var tx = Profile(2, Tx, 0, [(0, 8m)], duration: 120, transactionId: 7);

        var schedule = calculator.Compute([txDefault, tx], Query(transaction: (7, Now), hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 8m), (120, 32m))));
    }

    [Test]
    public void ChargePointMaxProfile_caps_the_transaction_limit_only_where_it_is_lower()
    {
        var txDefault = Profile(1, Default, 0, [(0, 32m)]);
        var max = Profile(2, Max, 0, [(0, 40m), (600, 16m)], connectorId: 0);

        var schedule = calculator.Compute([txDefault, max], Query(duration: 1200));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 32m), (600, 16m))));
        Assert.That(schedule.ChargingSchedulePeriod.Select(p => p.LimitedBy), Is.EqualTo(new ChargingProfilePurposeType?[] { Default, Max }));
    }

    [Test]
    public void ChargePointMaxProfile_caps_a_default_profile_set_on_connector_0()
    {
        var max = Profile(1, Max, 0, [(0, 20m), (200, 6m)], connectorId: 0);
        var txDefault = Profile(2, Default, 0, [(0, 10m), (100, 25m)], connectorId: 0);

        var schedule = calculator.Compute([max, txDefault], Query(hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 10m), (100, 20m), (200, 6m))));
    }

    [Test]
    public void ChargePointMaxProfile_on_a_connector_is_not_a_cap()
    {
        var max = Profile(2, Max, 0, [(0, 6m)]);

        var schedule = calculator.Compute([max], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, null))));
    }

    [Test]
    public void Connector_0_is_the_ChargePointMaxProfile_alone()
    {
        var txDefault = Profile(1, Default, 0, [(0, 10m)], connectorId: 0);
        var max = Profile(2, Max, 0, [(0, 20m)], connectorId: 0);

        var schedule = calculator.Compute([txDefault, max], Query(connectorId: 0));
        var withHardware = calculator.Compute([txDefault, max], Query(connectorId: 0, hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 20m))));
        Assert.That(Periods(withHardware), Is.EqualTo(Expect((0, 20m))));
    }

    [Test]
    public void The_hardware_limit_caps_every_profile()
    {
        var txDefault = Profile(1, Default, 0, [(0, 40m), (60, 16m)]);

        var schedule = calculator.Compute([txDefault], Query(hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 32m), (60, 16m))));
        Assert.That(schedule.ChargingSchedulePeriod.Select(p => p.ChargingProfileId), Is.EqualTo(new int?[] { null, 1 }));
    }

    /// <summary>OCTT TC_066_CS: ChargePointMax 10 A, TxDefault and TxProfile on the connector, all from now, composite of 400 s.</summary>
    [Test]
    public void The_TC_066_vector_gives_the_TxProfile_under_the_cap_and_then_the_cap()
    {
        var max = Profile(1, Max, 0, [(0, 10m)], connectorId: 0, duration: 86_400);
        var txDefault = Profile(2, Default, 0, [(0, 6m), (60, 10m), (120, 8m), (180, 15m), (260, 8m)], duration: 300, validFrom: Now, validTo: Now.AddSeconds(401));
        var tx = Profile(3, Tx, 0, [(0, 8m), (50, 11m), (140, 16m), (200, 6m), (240, 12m)], duration: 260, validFrom: Now, validTo: Now.AddSeconds(401));

        var schedule = calculator.Compute([max, txDefault, tx], Query(duration: 400, transaction: (1, Now.AddSeconds(-30)), hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 8m), (50, 10m), (200, 6m), (240, 10m))));
    }

    /// <summary>OCTT TC_067_CS, after the first clear: TxDefault stack 0 under a ChargePointMax of 11 then 12 A.</summary>
    [Test]
    public void The_TC_067_vector_gives_the_default_under_the_cap()
    {
        var txDefault = Profile(2, Default, 0, [(0, 7m), (100, 9m)], duration: 400, validFrom: Now, validTo: Now.AddSeconds(401));
        var max = Profile(3, Max, 0, [(0, 11m), (200, 12m)], connectorId: 0, duration: 86_400);

        var both = calculator.Compute([txDefault, max], Query(duration: 350, hardware: 32));
        var capOnly = calculator.Compute([max], Query(duration: 350, hardware: 32));

        Assert.That(Periods(both), Is.EqualTo(Expect((0, 7m), (100, 9m))));
        Assert.That(Periods(capOnly), Is.EqualTo(Expect((0, 11m), (200, 12m))));
    }

    /// <summary>OCTT TC_072_CS: two TxDefault profiles on the connector, stack 1 for 150 s over stack 0 for 400 s.</summary>
    [Test]
    public void The_TC_072_vector_falls_back_to_the_lower_level_in_mid_period()
    {
        var low = Profile(1, Default, 0, [(0, 6m), (100, 8m), (200, 10m)], duration: 400, validFrom: Now, validTo: Now.AddSeconds(401));
        var high = Profile(2, Default, 1, [(0, 7m), (100, 9m)], duration: 150, validFrom: Now, validTo: Now.AddSeconds(401));

        var schedule = calculator.Compute([low, high], Query(duration: 350, hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 7m), (100, 9m), (150, 8m), (200, 10m))));
    }
}
