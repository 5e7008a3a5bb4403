using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;
using static OcppLab.Protocol.Tests.SmartCharging.Vectors;

namespace OcppLab.Protocol.Tests.SmartCharging;

/// <summary>Profile kinds, validity, durations and merging (OCPP 1.6 §3.13.3, §7.8, §7.10, §7.11).</summary>
public sealed class CompositeScheduleTimeTests
{
    private const ChargingProfilePurposeType Default = ChargingProfilePurposeType.TxDefaultProfile;

    private readonly CompositeScheduleCalculator calculator = new();

    [Test]
    public void An_absolute_profile_gives_its_periods_relative_to_the_composite_start()
    {
        var profile = Profile(1, Default, 0, [(0, 16m), (1200, 10m)], start: Now.AddMinutes(-10));

        var schedule = calculator.Compute([profile], Query(duration: 3600));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 16m), (600, 10m))));
    }

    [Test]
    public void A_relative_profile_counts_from_the_transaction_start()
    {
        var relative = Profile(1, ChargingProfilePurposeType.TxProfile, 0, [(0, 6m), (600, 16m)], kind: ChargingProfileKindType.Relative);

        var schedule = calculator.Compute([relative], Query(duration: 600, transaction: (3, Now.AddSeconds(-300))));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 6m), (300, 16m))));
    }

    [Test]
    public void A_relative_profile_without_a_transaction_counts_from_the_composite_start()
    {
        var relative = Profile(1, Default, 0, [(0, 6m), (900, 16m)], kind: ChargingProfileKindType.Relative);

        var schedule = calculator.Compute([relative], Query(duration: 1800));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 6m), (900, 16m))));
    }

    [Test]
    public void A_daily_recurring_profile_repeats_every_day()
    {
        var profile = Profile(1, Default, 0, [(0, 6m), (3600, 16m)],
            kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily, start: Now.AddDays(-3).AddMinutes(-30));

        var schedule = calculator.Compute([profile], Query(duration: 86_400));

        // Today's occurrence began 30 minutes ago: 6 A for another 30 minutes, 16 A until tomorrow's occurrence.
        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 6m), (1800, 16m), (84_600, 6m))));
    }

    [Test]
    public void A_daily_recurring_profile_with_a_duration_repeats_from_its_startSchedule()
    {
        // 22:00 to 06:00 at 32 A, otherwise 10 A, starting two days ago.
        var daily = Profile(1, Default, 0, [(0, 32m), (8 * 3600, 10m)], kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily,
            start: new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), duration: 86_400);

        var schedule = calculator.Compute([daily], Query(duration: 24 * 3600, start: Now.AddHours(-4)));

        // From 04:00: 32 A until 06:00, 10 A until 22:00, 32 A again.
        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 32m), (2 * 3600, 10m), (18 * 3600, 32m))));
    }

    [Test]
    public void A_weekly_recurring_profile_uses_the_week_as_its_cycle()
    {
        var profile = Profile(1, Default, 0, [(0, 6m), (86_400, 16m)],
            kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Weekly, start: Now.AddDays(-8));

        var schedule = calculator.Compute([profile], Query(duration: 3600));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 16m))));
    }

    [Test]
    public void A_weekly_recurring_profile_with_a_duration_comes_back_after_seven_days()
    {
        var weekly = Profile(1, Default, 0, [(0, 6m)], kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Weekly,
            start: Now.AddDays(-7), duration: 3600);

        var schedule = calculator.Compute([weekly], Query(duration: 7200, start: Now.AddMinutes(-30)));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, null), (1800, 6m), (5400, null))));
    }

    [Test]
    public void A_recurring_profile_does_nothing_before_its_first_startSchedule()
    {
        var daily = Profile(1, Default, 0, [(0, 6m)], kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily,
            start: Now.AddHours(1), duration: 3600);

        var schedule = calculator.Compute([daily], Query(duration: 7200));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, null), (3600, 6m))));
    }

    [Test]
    public void ValidFrom_and_validTo_bound_where_a_profile_counts()
    {
        var profile = Profile(1, Default, 0, [(0, 16m)], validFrom: Now.AddMinutes(10), validTo: Now.AddMinutes(20));

        var schedule = calculator.Compute([profile], Query(duration: 3600));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, null), (600, 16m), (1200, null))));
    }

    [Test]
    public void ValidTo_hands_over_to_the_hardware_limit()
    {
        var profile = Profile(1, Default, 0, [(0, 6m)], validTo: Now.AddSeconds(90));

        var schedule = calculator.Compute([profile], Query(duration: 300, hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 6m), (90, 32m))));
    }

    [Test]
    public void A_schedule_ends_after_its_duration()
    {
        var profile = Profile(1, Default, 0, [(0, 16m)], duration: 300);

        var schedule = calculator.Compute([profile], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 16m), (300, null))));
    }

    [Test]
    public void Periods_after_the_requested_duration_are_clipped()
    {
        var profile = Profile(1, Default, 0, [(0, 16m), (300, 10m), (600, 6m), (900, 8m)]);

        var schedule = calculator.Compute([profile], Query(duration: 600));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 16m), (300, 10m))));
        Assert.That(schedule.Duration, Is.EqualTo(600));
    }

    [Test]
    public void Equal_adjacent_periods_are_merged()
    {
        var profile = Profile(1, Default, 0, [(0, 10m), (60, 10m), (120, 12m)]);

        var schedule = calculator.Compute([profile], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 10m), (120, 12m))));
    }

    [Test]
    public void Equal_limits_from_different_purposes_merge_into_one_period()
    {
        var txDefault = Profile(1, Default, 0, [(0, 10m), (60, 16m)]);
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, [(0, 10m)], connectorId: 0);

        var schedule = calculator.Compute([txDefault, max], Query());

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 10m))));
    }

    [Test]
    public void The_limit_at_an_instant_is_the_one_the_schedule_has_then()
    {
        var profile = Profile(1, Default, 0, [(0, 16m), (300, 6m)]);

        var limit = calculator.LimitAt([profile], Query(hardware: 32), Now.AddSeconds(400));

        Assert.That(limit, Is.EqualTo(new CompositePeriod(400, 6m, 3, Default, 1)));
    }

    [Test]
    public void The_wire_form_carries_the_limits_and_phases()
    {
        var profile = Profile(1, Default, 0, [(0, 16m)], phases: 1, duration: 60);

        var wire = calculator.Compute([profile], Query(duration: 120, hardware: 32)).ToChargingSchedule();

        Assert.Multiple(() =>
        {
            Assert.That(wire.StartSchedule, Is.EqualTo(Now));
            Assert.That(wire.Duration, Is.EqualTo(120));
            Assert.That(wire.ChargingRateUnit, Is.EqualTo(ChargingRateUnitType.A));
            Assert.That(wire.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit, p.NumberPhases)), Is.EqualTo(new[] { (0, 16m, (int?)1), (60, 32m, 3) }));
        });
    }

    [Test]
    public void An_unlimited_period_has_no_wire_form()
    {
        var schedule = calculator.Compute([], Query());

        Assert.That(schedule.ToChargingSchedule, Throws.InvalidOperationException.With.Message.Contains("hardware limit"));
    }
}
