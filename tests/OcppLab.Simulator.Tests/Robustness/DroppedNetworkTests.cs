using Microsoft.Extensions.DependencyInjection;
using OcppLab.ChargePoint.Transport;
using OcppLab.Csms.Transactions;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// Issue 9, a dropped network during a transaction (OCTT TC_037/TC_039 style), end to end: the virtual
/// charge point on virtual time, the lab's Central System in this process over a loopback WebSocket.
/// </summary>
public sealed class DroppedNetworkTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Transactions_stopped_and_started_offline_reach_the_Central_System_in_order_with_one_start_and_one_stop_each(CancellationToken cancellationToken)
    {
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", ["OFFTAG1"], cancellationToken);
        var connector = new WebSocketConnector(
            new ConnectionSettings { CentralSystemUrl = csms.OcppUrl },
            WebSocketFactory.Client("CP001", (string?)null, () => TimeSpan.Zero));
        await using var h = new ChargePointHarness(connector: connector);
        await h.BootAsync((Keys.LocalAuthorizeOffline, "true"), (Keys.AllowOfflineTxForUnknownId, "true"), (Keys.MeterValueSampleInterval, "0"));
        await UntilAsync(h, () => h.ChargePoint.IsConnected, cancellationToken);

        // The first transaction starts online and stops while the network is down (TC_039).
        await h.StartChargingAsync(1, "OFFTAG1");
        await UntilAsync(h, () => Store(csms).Count == 1, cancellationToken);
        h.ChargePoint.DropNetwork();
        await h.AdvanceAsync(60);
        await h.ChargePoint.PresentIdTagAsync(1, "OFFTAG1", cancellationToken);
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(10);

        // The second starts and stops while still offline (TC_037).
        await h.StartChargingAsync(1, "OFFTAG1");
        await h.AdvanceAsync(60);
        await h.ChargePoint.PresentIdTagAsync(1, "OFFTAG1", cancellationToken);
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(10);
        var queued = h.ChargePoint.QueuedTransactionMessages;

        h.ChargePoint.RestoreNetwork();
        await UntilAsync(h, () => h.ChargePoint.QueuedTransactionMessages == 0 && Store(csms).Count(t => !t.IsActive) == 2, cancellationToken);

        var transactions = Store(csms).OrderBy(t => t.TransactionId).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(queued, Is.EqualTo(3), "stop of the first, start and stop of the second");
            Assert.That(transactions, Has.Count.EqualTo(2));
            Assert.That(transactions.Where(t => t.IsActive || t.StartUnknown || t.DuplicateStops != 0), Is.Empty);
            Assert.That(transactions[0].StopTimestamp, Is.EqualTo(ChargePointHarness.Start.AddSeconds(60)));
            Assert.That(transactions[1].StartTimestamp, Is.EqualTo(ChargePointHarness.Start.AddSeconds(70)));
            Assert.That(transactions[1].StopTimestamp, Is.EqualTo(ChargePointHarness.Start.AddSeconds(130)));
            // In order: the first's stop was received before the second's start.
            Assert.That(transactions[0].StopReceivedAt, Is.LessThanOrEqualTo(transactions[1].StartReceivedAt));
        });
    }

    private static IReadOnlyList<TransactionRecord> Store(EmbeddedCsms csms) =>
        csms.Services.GetRequiredService<ITransactionStore>().All("CP001");

    /// <summary>Advances virtual time one second at a time until <paramref name="condition"/> holds; the socket itself runs in real time.</summary>
    private static async Task UntilAsync(ChargePointHarness h, Func<bool> condition, CancellationToken cancellationToken)
    {
        for (var seconds = 0; !condition(); seconds++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Assert.That(seconds, Is.LessThan(600), "not reached within 600 s of virtual time");
            await h.AdvanceAsync(1);
            await Task.Yield();
        }
    }
}
