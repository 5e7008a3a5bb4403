using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class OfflineTests
{
    [Test]
    public async Task Meter_values_taken_offline_are_delivered_in_order_after_reconnecting()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.MeterValueSampleInterval, "10"));
        await h.StartChargingAsync();
        h.CentralSystem.Clear();

        h.ChargePoint.DropNetwork();
        await h.AdvanceAsync(35);
        var queued = h.ChargePoint.QueuedTransactionMessages;
        h.ChargePoint.RestoreNetwork();
        await h.SettleAsync();

        var times = h.CentralSystem.All<MeterValuesRequest>().Select(v => (v.MeterValue[0].Timestamp - ChargePointHarness.Start).TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.EqualTo(3));
            Assert.That(times, Is.EqualTo(new[] { 10.0, 20.0, 30.0 }));
            Assert.That(h.CentralSystem.Actions, Does.Not.Contain("BootNotification"));
        });
    }

    [Test]
    public async Task A_transaction_started_and_stopped_offline_is_delivered_with_the_assigned_id_and_original_times()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalAuthorizeOffline, "true"), (Keys.AllowOfflineTxForUnknownId, "true"), (Keys.MeterValueSampleInterval, "0"));
        h.ChargePoint.DropNetwork();

        await h.StartChargingAsync(1, "TAG9");
        await h.AdvanceAsync(60);
        await h.ChargePoint.PresentIdTagAsync(1, "TAG9");
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(60);
        h.ChargePoint.RestoreNetwork();
        await h.SettleAsync();

        var start = h.CentralSystem.All<StartTransactionRequest>().Single();
        var stop = h.CentralSystem.All<StopTransactionRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(start.Timestamp, Is.EqualTo(ChargePointHarness.Start));
            Assert.That(stop.Timestamp, Is.EqualTo(ChargePointHarness.Start.AddSeconds(60)));
            Assert.That(stop.TransactionId, Is.EqualTo(101));
            Assert.That(h.CentralSystem.Actions.Where(a => a is "StartTransaction" or "StopTransaction"), Is.EqualTo(new[] { "StartTransaction", "StopTransaction" }));
        });
    }

    [Test]
    public async Task An_unknown_tag_offline_is_refused_unless_allowed()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.AllowOfflineTxForUnknownId, "false"));
        h.ChargePoint.DropNetwork();

        h.ChargePoint.PlugIn(1);
        var status = await h.ChargePoint.PresentIdTagAsync(1, "WHO");

        Assert.That(status, Is.EqualTo(AuthorizationStatus.Invalid));
        Assert.That(h.ChargePoint.TransactionOn(1), Is.Null);
    }

    [Test]
    public async Task A_failing_transaction_message_is_retried_after_the_retry_interval_times_the_attempts_then_dropped()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.TransactionMessageAttempts, "3"), (Keys.TransactionMessageRetryInterval, "10"));
        h.CentralSystem.Failing.Add("StartTransaction");

        await h.StartChargingAsync();
        await h.AdvanceAsync(60);

        var attempts = h.CentralSystem.Received.Where(r => r.Action == "StartTransaction").Select(r => (r.At - ChargePointHarness.Start).TotalSeconds);
        Assert.That(attempts, Is.EqualTo(new[] { 0.0, 10.0, 30.0 }));
        Assert.That(h.ChargePoint.QueuedTransactionMessages, Is.Zero);
    }
}
