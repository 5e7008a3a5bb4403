using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;
using static OcppLab.Protocol.Tests.SmartCharging.Vectors;

namespace OcppLab.Protocol.Tests.SmartCharging;

/// <summary>A↔W conversion: P = U × I × phases, numberPhases 3 when a period gives none (OCPP 1.6 §7.11).</summary>
public sealed class CompositeScheduleUnitTests
{
    private const ChargingProfilePurposeType Default = ChargingProfilePurposeType.TxDefaultProfile;

    [TestCase(16, 3, ChargingRateUnitType.W, 11040)]
    [TestCase(16, 1, ChargingRateUnitType.W, 3680)]
    [TestCase(11040, 3, ChargingRateUnitType.A, 16)]
    [TestCase(7360, 2, ChargingRateUnitType.A, 16)]
    public void A_and_W_convert_with_230_V_and_the_periods_phases(decimal limit, int phases, ChargingRateUnitType to, decimal expected)
    {
        var from = to == ChargingRateUnitType.W ? ChargingRateUnitType.A : ChargingRateUnitType.W;
        var profile = Profile(1, Default, 0, [(0, limit)], unit: from, phases: phases);

        var schedule = new CompositeScheduleCalculator().Compute([profile], Query(unit: to));

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(expected));
        Assert.That(schedule.ChargingSchedulePeriod.Single().NumberPhases, Is.EqualTo(phases));
    }

    [Test]
    public void Limits_in_watts_convert_to_amperes_and_back_with_three_phases_when_none_are_given()
    {
        var profile = Profile(1, Default, 0, [(0, 6900m)], unit: ChargingRateUnitType.W);
        var calculator = new CompositeScheduleCalculator();

        var amperes = calculator.Compute([profile], Query(duration: 60));
        var watts = calculator.Compute([profile], Query(duration: 60, unit: ChargingRateUnitType.W));

        Assert.That(Periods(amperes), Is.EqualTo(Expect((0, 10m))));
        Assert.That(Periods(watts), Is.EqualTo(Expect((0, 6900m))));
        Assert.That(amperes.ChargingSchedulePeriod.Single().NumberPhases, Is.EqualTo(3));
    }

    [Test]
    public void A_cap_in_W_compares_with_a_limit_in_A_after_conversion()
    {
        var txDefault = Profile(1, Default, 0, [(0, 32m)]);
        var max = Profile(2, ChargingProfilePurposeType.ChargePointMaxProfile, 0, [(0, 11040m)], connectorId: 0, unit: ChargingRateUnitType.W);

        var schedule = new CompositeScheduleCalculator().Compute([txDefault, max], Query());

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(16m));
        Assert.That(schedule.ChargingSchedulePeriod.Single().LimitedBy, Is.EqualTo(ChargingProfilePurposeType.ChargePointMaxProfile));
    }

    [Test]
    public void The_hardware_limit_in_W_uses_the_assumed_phases()
    {
        var schedule = new CompositeScheduleCalculator(defaultPhases: 1).Compute([], Query(unit: ChargingRateUnitType.W, hardware: 32));

        Assert.That(Periods(schedule), Is.EqualTo(Expect((0, 7360m))));
    }

    [Test]
    public void Another_voltage_assumption_changes_the_conversion()
    {
        var profile = Profile(1, Default, 0, [(0, 10m)], phases: 1);

        var schedule = new CompositeScheduleCalculator(voltage: 120m).Compute([profile], Query(unit: ChargingRateUnitType.W));

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(1200m));
    }

    [Test]
    public void Another_phase_assumption_applies_where_a_period_gives_none()
    {
        var profile = Profile(1, Default, 0, [(0, 4600m)], unit: ChargingRateUnitType.W);

        var schedule = new CompositeScheduleCalculator(defaultPhases: 2).Compute([profile], Query());

        Assert.That(schedule.ChargingSchedulePeriod.Single().Limit, Is.EqualTo(10m));
    }

    [TestCase(0, 3)]
    [TestCase(-230, 3)]
    [TestCase(230, 0)]
    [TestCase(230, 4)]
    public void A_voltage_or_phase_count_that_cannot_be_is_refused(decimal voltage, int phases) =>
        Assert.That(() => new CompositeScheduleCalculator(voltage, phases), Throws.InstanceOf<ArgumentOutOfRangeException>());
}
