using OcppLab.Csms.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.SmartCharging;

public sealed class CompositeScheduleCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly CompositeScheduleCalculator calculator = new();

    [Test]
    public void Without_profiles_the_whole_schedule_is_one_unlimited_period()
    {
        var schedule = calculator.Compute([], 1, Now, 3600, ChargingRateUnitType.A);

        Assert.That(schedule.ChargingSchedulePeriod, Has.Count.EqualTo(1));
        Assert.That(schedule.ChargingSchedulePeriod[0].Limit, Is.Null);
    }

    [Test]
    public void An_absolute_profile_gives_its_periods_relative_to_the_composite_start()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now.AddMinutes(-10), periods: [(0, 16m), (1200, 10m)]);

        var schedule = calculator.Compute([Stored(1, profile)], 1, Now, 3600, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)16m), (600, 10m) }));
    }

    [Test]
    public void Within_a_purpose_the_highest_stack_level_wins_while_it_has_a_period()
    {
        var low = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 32m)]);
        var high = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 5, start: Now, duration: 600, periods: [(0, 8m)]);

        var schedule = calculator.Compute([Stored(1, low), Stored(1, high)], 1, Now, 1800, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)8m), (600, 32m) }));
        Assert.That(schedule.ChargingSchedulePeriod.Select(p => p.ChargingProfileId), Is.EqualTo(new int?[] { 2, 1 }));
    }

    [Test]
    public void A_connector_profile_beats_a_connector_0_profile_of_the_same_level()
    {
        var station = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 1, start: Now, periods: [(0, 20m)]);
        var connector = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 1, start: Now, periods: [(0, 12m)]);

        var schedule = calculator.Compute([Stored(0, station), Stored(1, connector)], 1, Now, 600, ChargingRateUnitType.A);

        Assert.That(schedule.ChargingSchedulePeriod.Single().ChargingProfileId, Is.EqualTo(2));
    }

    [Test]
    public void A_TxProfile_of_the_running_transaction_overrides_the_TxDefaultProfile()
    {
        var fallback = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 9, start: Now, periods: [(0, 32m)]);
        var tx = Profile(2, ChargingProfilePurposeType.TxProfile, 0, start: Now, periods: [(0, 20m)]) with { TransactionId = 77 };

        var running = calculator.Compute([Stored(1, fallback), Stored(1, tx)], 1, Now, 600, ChargingRateUnitType.A, transactionId: 77, transactionStart: Now);
        var other = calculator.Compute([Stored(1, fallback), Stored(1, tx)], 1, Now, 600, ChargingRateUnitType.A, transactionId: 78, transactionStart: Now);

        Assert.That(running.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(20m));
        Assert.That(other.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(32m));
    }

    [Test]
    public void ChargePointMaxProfile_caps_the_transaction_limit_only_where_it_is_lower()
    {
        var tx = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 32m)]);
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, start: Now, periods: [(0, 40m), (600, 16m)]);

        var schedule = calculator.Compute([Stored(1, tx), Stored(0, max)], 1, Now, 1200, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)32m), (600, 16m) }));
        Assert.That(schedule.ChargingSchedulePeriod.Select(p => p.LimitedBy), Is.EqualTo(new ChargingProfilePurposeType?[] { ChargingProfilePurposeType.TxDefaultProfile, ChargingProfilePurposeType.ChargePointMaxProfile }));
    }

    [Test]
    public void ChargePointMaxProfile_on_a_connector_is_not_a_cap()
    {
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, start: Now, periods: [(0, 6m)]);

        var schedule = calculator.Compute([Stored(1, max)], 1, Now, 600, ChargingRateUnitType.A);

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.Null);
    }

    [Test]
    public void Connector_0_is_the_ChargePointMaxProfile_alone()
    {
        var tx = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 10m)]);
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, start: Now, periods: [(0, 63m)]);

        var schedule = calculator.Compute([Stored(0, tx), Stored(0, max)], 0, Now, 600, ChargingRateUnitType.A);

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(63m));
    }

    [Test]
    public void A_relative_profile_counts_from_the_transaction_start()
    {
        var relative = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, kind: ChargingProfileKindType.Relative, periods: [(0, 6m), (900, 16m)]);

        var schedule = calculator.Compute([Stored(1, relative)], 1, Now, 1800, ChargingRateUnitType.A, transactionId: 5, transactionStart: Now.AddMinutes(-10));

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)6m), (300, 16m) }));
    }

    [Test]
    public void A_relative_profile_without_a_transaction_counts_from_the_composite_start()
    {
        var relative = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, kind: ChargingProfileKindType.Relative, periods: [(0, 6m), (900, 16m)]);

        var schedule = calculator.Compute([Stored(1, relative)], 1, Now, 1800, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)6m), (900, 16m) }));
    }

    [Test]
    public void A_daily_recurring_profile_repeats_every_day_from_its_startSchedule()
    {
        // 22:00 to 06:00 at 32 A, otherwise 10 A, starting two days ago.
        var daily = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily,
            start: new DateTimeOffset(2026, 2, 28, 22, 0, 0, TimeSpan.Zero), duration: 86_400, periods: [(0, 32m), (8 * 3600, 10m)]);

        var schedule = calculator.Compute([Stored(1, daily)], 1, Now.AddHours(-4), 24 * 3600, ChargingRateUnitType.A);

        // From 04:00: 32 A until 06:00, 10 A until 22:00, 32 A again.
        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)32m), (2 * 3600, 10m), (18 * 3600, 32m) }));
    }

    [Test]
    public void A_weekly_recurring_profile_repeats_every_seven_days()
    {
        var weekly = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Weekly,
            start: Now.AddDays(-7), duration: 3600, periods: [(0, 6m)]);

        var schedule = calculator.Compute([Stored(1, weekly)], 1, Now.AddMinutes(-30), 7200, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)null), (1800, 6m), (5400, null) }));
    }

    [Test]
    public void A_recurring_profile_does_nothing_before_its_first_startSchedule()
    {
        var daily = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily,
            start: Now.AddHours(1), duration: 3600, periods: [(0, 6m)]);

        var schedule = calculator.Compute([Stored(1, daily)], 1, Now, 7200, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)null), (3600, 6m) }));
    }

    [Test]
    public void ValidFrom_and_validTo_bound_where_a_profile_counts()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 16m)]) with { ValidFrom = Now.AddMinutes(10), ValidTo = Now.AddMinutes(20) };

        var schedule = calculator.Compute([Stored(1, profile)], 1, Now, 3600, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)null), (600, 16m), (1200, null) }));
    }

    [Test]
    public void A_schedule_ends_after_its_duration()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, duration: 300, periods: [(0, 16m)]);

        var schedule = calculator.Compute([Stored(1, profile)], 1, Now, 600, ChargingRateUnitType.A);

        Assert.That(Limits(schedule), Is.EqualTo(new[] { (0, (decimal?)16m), (300, null) }));
    }

    [TestCase(16, 3, ChargingRateUnitType.W, 11040)]
    [TestCase(16, 1, ChargingRateUnitType.W, 3680)]
    [TestCase(11040, 3, ChargingRateUnitType.A, 16)]
    [TestCase(7360, 2, ChargingRateUnitType.A, 16)]
    public void A_and_W_convert_with_230_V_and_the_periods_phases(decimal limit, int phases, ChargingRateUnitType to, decimal expected)
    {
        var from = to == ChargingRateUnitType.W ? ChargingRateUnitType.A : ChargingRateUnitType.W;
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, unit: from, periods: [(0, limit)], phases: phases);

        var schedule = calculator.Compute([Stored(1, profile)], 1, Now, 600, to);

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(expected));
        Assert.That(schedule.ChargingSchedulePeriod.Single().NumberPhases, Is.EqualTo(phases));
    }

    [Test]
    public void A_cap_in_W_compares_with_a_limit_in_A_after_conversion()
    {
        var tx = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 32m)]);
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, start: Now, unit: ChargingRateUnitType.W, periods: [(0, 11040m)]);

        var schedule = calculator.Compute([Stored(1, tx), Stored(0, max)], 1, Now, 600, ChargingRateUnitType.A);

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(16m));
        Assert.That(schedule.ChargingSchedulePeriod.Single().LimitedBy, Is.EqualTo(ChargingProfilePurposeType.ChargePointMaxProfile));
    }

    [Test]
    public void Another_voltage_assumption_changes_the_conversion()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, start: Now, periods: [(0, 10m)], phases: 1);

        var schedule = new CompositeScheduleCalculator(voltage: 120m).Compute([Stored(1, profile)], 1, Now, 600, ChargingRateUnitType.W);

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(1200m));
    }

    private static (int, decimal?)[] Limits(CompositeSchedule schedule) => [.. schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit))];

    private static StoredProfile Stored(int connectorId, ChargingProfile profile) => new("CP001", connectorId, profile, Now);

    private static ChargingProfile Profile(
        int id,
        ChargingProfilePurposeType purpose,
        int stackLevel,
        (int Start, decimal Limit)[] periods,
        DateTimeOffset? start = null,
        int? duration = null,
        ChargingProfileKindType kind = ChargingProfileKindType.Absolute,
        RecurrencyKindType? recurrency = null,
        ChargingRateUnitType unit = ChargingRateUnitType.A,
        int? phases = null) => new()
        {
            ChargingProfileId = id,
            StackLevel = stackLevel,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = kind,
            RecurrencyKind = recurrency,
            ChargingSchedule = new ChargingSchedule
            {
                StartSchedule = kind == ChargingProfileKindType.Relative ? null : start,
                Duration = duration,
                ChargingRateUnit = unit,
                ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit, NumberPhases = phases })],
            },
        };
}
