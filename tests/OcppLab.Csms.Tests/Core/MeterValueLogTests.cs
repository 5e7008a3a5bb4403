using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Core;

/// <summary>
/// A transaction's meter values are appended to its log, not copied into a new record per MeterValues.req,
/// and read back exactly as they arrived.
/// </summary>
public sealed class MeterValueLogTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public void Meter_values_are_appended_without_replacing_the_running_transaction()
    {
        var store = new InMemoryTransactionStore();
        var started = store.Start("CP1", 1, "TAG1", 1000, Now, null, AuthorizationStatus.Accepted, Now).Transaction;

        Assert.That(store.AddMeterValues("CP1", started.TransactionId, [Energy(Now.AddMinutes(1), "1500"), Power(Now.AddMinutes(1), "7200")]), Is.True);
        Assert.That(store.AddMeterValues("CP1", started.TransactionId, [Power(Now.AddMinutes(2), "7100")]), Is.True);
        Assert.That(store.AddMeterValues("CP2", started.TransactionId, [Energy(Now.AddMinutes(3), "9999")]), Is.False, "another station's transaction");

        var running = store.Find(started.TransactionId)!;
        Assert.Multiple(() =>
        {
            Assert.That(running, Is.SameAs(started), "a MeterValues.req does not replace the record");
            Assert.That(running.MeterValueLog.Count, Is.EqualTo(3));
            Assert.That(running.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "1500", "7200", "7100" }));
            Assert.That(running.MeterValues[0].Timestamp, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(running.MeterValues[1].SampledValue[0].Measurand, Is.EqualTo(Measurand.PowerActiveImport));
            Assert.That(running.EnergyWh, Is.EqualTo(500), "the latest energy register reading, though the latest batch had none");
        });

        var stopped = store.Stop("CP1", started.TransactionId, 2500, Now.AddMinutes(4), Reason.Local, null, [Energy(Now.AddMinutes(4), "2.5", UnitOfMeasure.KWh)], Now.AddMinutes(4));
        store.Stop("CP1", started.TransactionId, 2500, Now.AddMinutes(4), Reason.Local, null, [Energy(Now.AddMinutes(4), "2.5", UnitOfMeasure.KWh)], Now.AddMinutes(4));

        Assert.Multiple(() =>
        {
            Assert.That(stopped.Transaction.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "1500", "7200", "7100", "2.5" }), "the stop's transactionData once, though the stop was repeated");
            Assert.That(stopped.Transaction.MeterValueLog.LatestEnergyRegisterWh, Is.EqualTo(2500m), "kWh read as Wh");
            Assert.That(store.Find(started.TransactionId)!.MeterValueLog, Is.SameAs(running.MeterValueLog));
        });
    }

    [Test]
    public void A_stop_for_an_unknown_transaction_keeps_its_transaction_data()
    {
        var store = new InMemoryTransactionStore();
        var stopped = store.Stop("CP1", 42, 800, Now, null, null, [Energy(Now.AddMinutes(-1), "700"), Energy(Now, "800")], Now);

        Assert.That(store.Find(42)!.MeterValues.Select(v => v.SampledValue[0].Value), Is.EqualTo(new[] { "700", "800" }));
        Assert.That(stopped.Transaction.MeterValueLog.LatestEnergyRegisterWh, Is.EqualTo(800m));
    }

    private static MeterValue Energy(DateTimeOffset at, string value, UnitOfMeasure? unit = null) =>
        new() { Timestamp = at, SampledValue = [new SampledValue { Value = value, Unit = unit }] };

    private static MeterValue Power(DateTimeOffset at, string value) =>
        new() { Timestamp = at, SampledValue = [new SampledValue { Value = value, Measurand = Measurand.PowerActiveImport, Unit = UnitOfMeasure.W }] };
}
