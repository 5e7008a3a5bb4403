using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class MeterValuesTests
{
    [Test]
    public async Task Sampled_values_come_every_interval_from_the_transaction_start_with_one_value_per_measurand()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.MeterValueSampleInterval, "10"), (Keys.MeterValuesSampledData, "Energy.Active.Import.Register,Power.Active.Import"));
        await h.AdvanceAsync(3);
        await h.StartChargingAsync();

        await h.AdvanceAsync(30);

        var values = h.CentralSystem.All<MeterValuesRequest>().ToList();
        var times = values.Select(v => (v.MeterValue[0].Timestamp - ChargePointHarness.Start).TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(times, Is.EqualTo(new[] { 13.0, 23.0, 33.0 }));
            Assert.That(values.All(v => v.TransactionId == 101), Is.True);
            Assert.That(values[0].MeterValue[0].SampledValue.Select(s => (s.Measurand, s.Context)),
                Is.EqualTo(new[] { (Measurand.EnergyActiveImportRegister, ReadingContext.SamplePeriodic), (Measurand.PowerActiveImport, ReadingContext.SamplePeriodic) }));
            Assert.That(values[0].MeterValue[0].SampledValue[1].Value, Is.EqualTo("22080"));
            Assert.That(values.Select(v => int.Parse(v.MeterValue[0].SampledValue[0].Value, System.Globalization.CultureInfo.InvariantCulture)), Is.Ordered.Ascending);
        });
    }

    [Test]
    public async Task Clock_aligned_values_fall_on_boundaries_since_midnight()
    {
        await using var h = new ChargePointHarness();
        await h.AdvanceAsync(7);
        await h.BootAsync((Keys.MeterValueSampleInterval, "0"), (Keys.ClockAlignedDataInterval, "20"));
        await h.StartChargingAsync();

        await h.AdvanceAsync(60);

        var values = h.CentralSystem.All<MeterValuesRequest>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(values.Select(v => v.MeterValue[0].Timestamp.Second), Is.EqualTo(new[] { 20, 40, 0 }));
            Assert.That(values.SelectMany(v => v.MeterValue[0].SampledValue).Select(s => s.Context).Distinct(), Is.EqualTo(new[] { ReadingContext.SampleClock }));
        });
    }

    [Test]
    public async Task Stop_transaction_carries_the_stop_txn_sampled_data()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.MeterValueSampleInterval, "60"), (Keys.StopTxnSampledData, "Energy.Active.Import.Register"));
        await h.StartChargingAsync();
        await h.AdvanceAsync(120);

        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        var data = h.CentralSystem.All<StopTransactionRequest>().Single().TransactionData!;
        Assert.That(data.Select(d => d.SampledValue[0].Context), Is.EqualTo(new[] { ReadingContext.SamplePeriodic, ReadingContext.SamplePeriodic, ReadingContext.TransactionEnd }));
    }

    [Test]
    public async Task A_charging_limit_reduces_the_power_the_meter_measures()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync();

        await h.CallAsync(new OcppLab.Protocol.Messages.SmartCharging.SetChargingProfileRequest
        {
            ConnectorId = 1,
            CsChargingProfiles = new ChargingProfile
            {
                ChargingProfileId = 1,
                StackLevel = 0,
                ChargingProfilePurpose = ChargingProfilePurposeType.TxProfile,
                ChargingProfileKind = ChargingProfileKindType.Relative,
                ChargingSchedule = new ChargingSchedule { ChargingRateUnit = ChargingRateUnitType.A, ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 6 }] },
            },
        });

        Assert.That(h.ChargePoint.PowerW(1), Is.EqualTo(6 * 3 * 230));
    }
}
