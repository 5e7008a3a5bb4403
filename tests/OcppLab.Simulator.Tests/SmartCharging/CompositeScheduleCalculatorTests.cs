using OcppLab.ChargePoint.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Tests.SmartCharging;

public sealed class CompositeScheduleCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static InstalledChargingProfile Profile(
        int id,
        ChargingProfilePurposeType purpose,
        int stackLevel,
        (int Start, decimal Limit)[] periods,
        int connectorId = 1,
        ChargingProfileKindType kind = ChargingProfileKindType.Absolute,
        DateTimeOffset? start = null,
        int? duration = null,
        RecurrencyKindType? recurrency = null,
        ChargingRateUnitType unit = ChargingRateUnitType.A,
        int? transactionId = null,
        DateTimeOffset? validTo = null) =>
        new(connectorId, new ChargingProfile
        {
            ChargingProfileId = id,
            StackLevel = stackLevel,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = kind,
            RecurrencyKind = recurrency,
            TransactionId = transactionId,
            ValidTo = validTo,
            ChargingSchedule = new ChargingSchedule
            {
                ChargingRateUnit = unit,
                StartSchedule = kind == ChargingProfileKindType.Relative ? null : start ?? Now,
                Duration = duration,
                ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit })],
            },
        });

    private static CompositeScheduleQuery Query(int duration = 600, int connectorId = 1, (int, DateTimeOffset)? transaction = null, ChargingRateUnitType unit = ChargingRateUnitType.A) =>
        new() { ConnectorId = connectorId, Start = Now, Duration = duration, Transaction = transaction, Unit = unit, HardwareLimitAmperes = 32 };

    private static (int Start, decimal Limit)[] Periods(ChargingSchedule schedule) =>
        [.. schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit))];

    [Test]
    public void Without_profiles_the_hardware_limit_is_the_schedule()
    {
        var schedule = CompositeScheduleCalculator.Compute([], Query());

        Assert.Multiple(() =>
        {
            Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 32m) }));
            Assert.That(schedule.StartSchedule, Is.EqualTo(Now));
            Assert.That(schedule.Duration, Is.EqualTo(600));
        });
    }

    [Test]
    public void The_higher_stack_level_wins_and_the_lower_one_takes_over_when_it_ends()
    {
        var low = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 16)]);
        var high = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 1, [(0, 10)], duration: 300);

        var schedule = CompositeScheduleCalculator.Compute([low, high], Query());

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 10m), (300, 16m) }));
    }

    [Test]
    public void A_tx_profile_supersedes_the_default_profile_even_after_its_schedule_ends()
    {
        var txDefault = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 16)]);
        var tx = Profile(2, ChargingProfilePurposeType.TxProfile, 0, [(0, 8)], duration: 120, transactionId: 7);

        var schedule = CompositeScheduleCalculator.Compute([txDefault, tx], Query(transaction: (7, Now)));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 8m), (120, 32m) }));
    }

    [Test]
    public void A_tx_profile_of_another_transaction_does_not_apply()
    {
        var tx = Profile(2, ChargingProfilePurposeType.TxProfile, 0, [(0, 8)], transactionId: 99);

        var schedule = CompositeScheduleCalculator.Compute([tx], Query(transaction: (7, Now)));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 32m) }));
    }

    [Test]
    public void The_charge_point_max_profile_caps_every_connector()
    {
        var max = Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, 0, [(0, 20), (200, 6)], connectorId: 0);
        var txDefault = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 10), (100, 25)], connectorId: 0);

        var schedule = CompositeScheduleCalculator.Compute([max, txDefault], Query());

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 10m), (100, 20m), (200, 6m) }));
    }

    [Test]
    public void A_default_profile_on_the_connector_overrides_the_one_on_connector_zero()
    {
        var all = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 5, [(0, 10)], connectorId: 0);
        var own = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 14)], connectorId: 1);

        var schedule = CompositeScheduleCalculator.Compute([all, own], Query());

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 14m) }));
    }

    [Test]
    public void Equal_adjacent_periods_are_merged()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 10), (60, 10), (120, 12)]);

        var schedule = CompositeScheduleCalculator.Compute([profile], Query());

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 10m), (120, 12m) }));
    }

    [Test]
    public void A_daily_recurring_profile_repeats_every_day()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 6), (3600, 16)],
            kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Daily, start: Now.AddDays(-3).AddMinutes(-30));

        var schedule = CompositeScheduleCalculator.Compute([profile], Query(duration: 86400));

        // Today's occurrence began 30 minutes ago: 6 A for another 30 minutes, 16 A until tomorrow's occurrence.
        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 6m), (1800, 16m), (84600, 6m) }));
    }

    [Test]
    public void A_weekly_recurring_profile_uses_the_week_as_its_cycle()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 6), (86400, 16)],
            kind: ChargingProfileKindType.Recurring, recurrency: RecurrencyKindType.Weekly, start: Now.AddDays(-8));

        var schedule = CompositeScheduleCalculator.Compute([profile], Query(duration: 3600));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 16m) }));
    }

    [Test]
    public void A_relative_profile_starts_with_the_transaction()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxProfile, 0, [(0, 6), (600, 16)], kind: ChargingProfileKindType.Relative);

        var schedule = CompositeScheduleCalculator.Compute([profile], Query(duration: 600, transaction: (3, Now.AddSeconds(-300))));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 6m), (300, 16m) }));
    }

    [Test]
    public void Valid_to_ends_a_profile()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 6)], validTo: Now.AddSeconds(90));

        var schedule = CompositeScheduleCalculator.Compute([profile], Query(duration: 300));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 6m), (90, 32m) }));
    }

    [Test]
    public void Limits_in_watts_convert_to_amperes_and_back()
    {
        var profile = Profile(1, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 6900)], unit: ChargingRateUnitType.W);

        var amperes = CompositeScheduleCalculator.Compute([profile], Query(duration: 60));
        var watts = CompositeScheduleCalculator.Compute([profile], Query(duration: 60, unit: ChargingRateUnitType.W));

        Assert.That(Periods(amperes), Is.EqualTo(new[] { (0, 10m) }));
        Assert.That(Periods(watts), Is.EqualTo(new[] { (0, 6900m) }));
    }

    [Test]
    public void Connector_zero_reports_the_charge_point_maximum()
    {
        var max = Profile(1, ChargingProfilePurposeType.ChargePointMaxProfile, 0, [(0, 20)], connectorId: 0);
        var txDefault = Profile(2, ChargingProfilePurposeType.TxDefaultProfile, 0, [(0, 10)], connectorId: 0);

        var schedule = CompositeScheduleCalculator.Compute([max, txDefault], Query(connectorId: 0));

        Assert.That(Periods(schedule), Is.EqualTo(new[] { (0, 20m) }));
    }
}
