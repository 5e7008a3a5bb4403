using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OcppLab.Csms.Observability;
using OcppLab.Csms.Tests.Robustness;
using OcppLab.Csms.Tests.Support;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Core;

/// <summary>
/// Transactions that do not go as the protocol intends: refused ones the station keeps running, starts on a
/// connector that still has a transaction, stations that reboot mid-transaction, stops that repeat or stray.
/// Each is recorded, counted in the summary, warned about in the log and counted in the metrics.
/// </summary>
public sealed class TransactionAnomalyTests
{
    private const string Card = "VALID001";

    [Test]
    public async Task A_card_shared_by_two_connectors_is_Accepted_again_once_free_although_the_station_never_stops_its_refused_transaction()
    {
        await using var host = AnomalyHost.Start();
        await using var cp = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        var now = host.Csms.Time.GetUtcNow();

        var first = await cp.CallAsync(Requests.Start(1, Card, now, meterStart: 0));
        var refused = await cp.CallAsync(Requests.Start(2, Card, now, meterStart: 0));
        await cp.CallAsync(Requests.Stop(first.TransactionId, now.AddMinutes(30), meterStop: 7000));

        // The station keeps the refused transaction on connector 2 running and never stops it.
        var again = await cp.CallAsync(Requests.Start(1, Card, now.AddMinutes(40), meterStart: 7000));
        await cp.CallAsync(Requests.Stop(again.TransactionId, now.AddMinutes(60), meterStop: 9000));
        var onTwo = await cp.CallAsync(Requests.Start(2, Card, now.AddMinutes(70), meterStart: 300));

        var store = host.Csms.Services.GetRequiredService<ITransactionStore>();
        var summary = await host.SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
            Assert.That(refused.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.ConcurrentTx));
            Assert.That(again.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted), "a refused transaction does not hold the card");
            Assert.That(onTwo.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
            Assert.That(store.Find(refused.TransactionId)!.SupersededBy, Is.EqualTo(onTwo.TransactionId));
            Assert.That(store.Find(refused.TransactionId)!.IsActive, Is.False);
            Assert.That(store.Active().Select(t => t.TransactionId), Is.EqualTo(new[] { onTwo.TransactionId }));
            Assert.That(summary.GetProperty("superseded").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("anomalies").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("running").GetInt32(), Is.EqualTo(1));
            Assert.That(host.Warnings, Has.One.Contains($"closed {refused.TransactionId} as superseded"));
            Assert.That(host.Anomalies(TransactionAnomalies.Superseded), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_card_in_an_Accepted_transaction_on_another_connector_still_gets_ConcurrentTx()
    {
        await using var host = AnomalyHost.Start();
        await using var cp = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        var now = host.Csms.Time.GetUtcNow();

        await cp.CallAsync(Requests.Start(1, Card, now));
        var second = await cp.CallAsync(Requests.Start(2, Card, now));
        var third = await cp.CallAsync(Requests.Start(3, Card, now));

        Assert.That(second.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.ConcurrentTx));
        Assert.That(third.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.ConcurrentTx));
        Assert.That((await host.SummaryAsync()).GetProperty("anomalies").GetInt64(), Is.Zero, "ConcurrentTx is the protocol working, not an anomaly");
    }

    [Test]
    public async Task A_new_start_with_the_same_card_on_a_connector_whose_transaction_never_stopped_supersedes_it_instead_of_ConcurrentTx()
    {
        await using var host = AnomalyHost.Start();
        await using var cp = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        var now = host.Csms.Time.GetUtcNow();

        var lost = await cp.CallAsync(Requests.Start(1, Card, now, meterStart: 100));
        var next = await cp.CallAsync(Requests.Start(1, Card, now.AddHours(2), meterStart: 4100));

        var older = host.Csms.Services.GetRequiredService<ITransactionStore>().Find(lost.TransactionId)!;
        Assert.Multiple(() =>
        {
            Assert.That(next.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
            Assert.That(older.SupersededBy, Is.EqualTo(next.TransactionId));
            Assert.That(older.StopTimestamp, Is.EqualTo(now.AddHours(2)), "it ended at the latest when the next one started");
            Assert.That(older.MeterStop, Is.Null, "the station never said where its meter stood");
            Assert.That(older.StopReason, Is.Null);
            Assert.That(host.Warnings, Has.One.Contains($"while transaction {lost.TransactionId} (id tag {Card}"));
        });

        var (status, shown) = await Api.GetAsync(host.Csms.CreateClient(), $"/api/transactions/{lost.TransactionId}");
        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(shown.GetProperty("supersededBy").GetInt32(), Is.EqualTo(next.TransactionId), "the operator sees which start closed it");
    }

    [Test]
    public async Task The_late_stop_of_a_superseded_transaction_records_the_stations_figures_and_is_no_repeated_stop()
    {
        await using var host = AnomalyHost.Start();
        await using var cp = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        var now = host.Csms.Time.GetUtcNow();
        var lost = await cp.CallAsync(Requests.Start(1, Card, now, meterStart: 100));
        await cp.CallAsync(Requests.Start(1, "VALID002", now.AddHours(2), meterStart: 4100));

        await cp.CallAsync(Requests.Stop(lost.TransactionId, now.AddHours(1), meterStop: 4000, reason: Reason.EVDisconnected));

        var older = host.Csms.Services.GetRequiredService<ITransactionStore>().Find(lost.TransactionId)!;
        var counts = host.Csms.Services.GetRequiredService<ITransactionStore>().Counts();
        Assert.Multiple(() =>
        {
            Assert.That(older.MeterStop, Is.EqualTo(4000));
            Assert.That(older.StopReason, Is.EqualTo(Reason.EVDisconnected));
            Assert.That(older.StopTimestamp, Is.EqualTo(now.AddHours(1)));
            Assert.That(older.EnergyWh, Is.EqualTo(3900));
            Assert.That(older.DuplicateStops, Is.Zero);
            Assert.That(counts with { Held = 0 }, Is.EqualTo(new TransactionCounts(
                Started: 2, Stopped: 1, StoppedWithoutStart: 0, RepeatedStarts: 0, RepeatedStops: 0, ForeignStops: 0, LetGo: 0, Running: 1, Held: 0, Superseded: 1, RunningAtReboot: 0)));
        });
    }

    [Test]
    public async Task A_station_that_boots_with_a_transaction_running_is_warned_about_once_and_the_transaction_stays_open_for_its_queued_stop()
    {
        await using var host = AnomalyHost.Start();
        await using var cp = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        var now = host.Csms.Time.GetUtcNow();
        await cp.CallAsync(Requests.Boot());
        var running = await cp.CallAsync(Requests.Start(1, Card, now));
        var stopped = await cp.CallAsync(Requests.Start(2, "VALID002", now));
        await cp.CallAsync(Requests.Stop(stopped.TransactionId, now.AddMinutes(5)));

        await cp.CallAsync(Requests.Boot());
        await cp.CallAsync(Requests.Boot());
        var store = host.Csms.Services.GetRequiredService<ITransactionStore>();
        var afterBoot = store.Find(running.TransactionId)!;
        await cp.CallAsync(Requests.Stop(running.TransactionId, now.AddMinutes(9), reason: Reason.PowerLoss));

        var summary = await host.SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(afterBoot.IsActive, Is.True);
            Assert.That(afterBoot.RunningAtReboot, Is.EqualTo(now));
            Assert.That(store.Find(running.TransactionId)!.StopReason, Is.EqualTo(Reason.PowerLoss));
            Assert.That(store.Find(stopped.TransactionId)!.RunningAtReboot, Is.Null);
            Assert.That(summary.GetProperty("runningAtReboot").GetInt64(), Is.EqualTo(1), "each transaction counts once, however often the station boots");
            Assert.That(host.Warnings, Has.One.Contains($"booted while transaction {running.TransactionId} on connector 1"));
            Assert.That(host.Anomalies(TransactionAnomalies.RunningAtReboot), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Repeated_foreign_and_startless_stops_are_acknowledged_counted_and_warned_about()
    {
        await using var host = AnomalyHost.Start();
        await using var cp1 = await TestChargePoint.ConnectAsync(host.Csms, "CP001");
        await using var cp2 = await TestChargePoint.ConnectAsync(host.Csms, "CP002");
        var now = host.Csms.Time.GetUtcNow();
        var mine = await cp1.CallAsync(Requests.Start(1, Card, now));

        await cp2.CallAsync(Requests.Stop(mine.TransactionId, now));
        await cp1.CallAsync(Requests.Stop(mine.TransactionId, now));
        await cp1.CallAsync(Requests.Stop(mine.TransactionId, now));
        await cp2.CallAsync(Requests.Stop(424242, now));

        var summary = await host.SummaryAsync();
        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("foreignStops").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("repeatedStops").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("stoppedWithoutStart").GetInt64(), Is.EqualTo(1));
            Assert.That(summary.GetProperty("anomalies").GetInt64(), Is.EqualTo(3));
            Assert.That(host.Warnings, Has.One.Contains($"which belongs to charge point CP001"));
            Assert.That(host.Warnings, Has.One.Contains($"stopped transaction {mine.TransactionId} again"));
            Assert.That(host.Warnings, Has.One.Contains("stopped transaction 424242, whose start the Central System never saw"));
            Assert.That(host.Anomalies(TransactionAnomalies.ForeignStop), Is.EqualTo(1));
            Assert.That(host.Anomalies(TransactionAnomalies.RepeatedStop), Is.EqualTo(1));
            Assert.That(host.Anomalies(TransactionAnomalies.StopWithoutStart), Is.EqualTo(1));
        });
    }

    /// <summary>The Central System with its warnings and its transaction anomaly metric captured.</summary>
    private sealed class AnomalyHost : IAsyncDisposable
    {
        private readonly CapturedLogs logs;
        private readonly MeterListener listener;
        private readonly Dictionary<string, long> anomalies = [];
        private readonly Lock counting = new();

        private AnomalyHost(CapturedLogs logs, CsmsFactory csms)
        {
            this.logs = logs;
            Csms = csms;
            var meters = csms.Services.GetRequiredService<IMeterFactory>();
            listener = new MeterListener
            {
                // Only this host's meter: other tests' hosts run in the same process.
                InstrumentPublished = (instrument, l) =>
                {
                    if (instrument.Meter.Name == CsmsMetrics.MeterName && instrument.Name == "ocpp.transactions.anomalies" && ReferenceEquals(instrument.Meter.Scope, meters))
                    {
                        l.EnableMeasurementEvents(instrument);
                    }
                },
            };
            listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key == "kind")
                    {
                        lock (counting)
                        {
                            anomalies[(string)tag.Value!] = anomalies.GetValueOrDefault((string)tag.Value!) + value;
                        }
                    }
                }
            });
            listener.Start();
        }

        public CsmsFactory Csms { get; }

        /// <summary>The warnings the transaction anomaly reporter logged.</summary>
        public IReadOnlyList<string> Warnings =>
            [.. logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category == typeof(TransactionAnomalies).FullName).Select(e => e.Message)];

        public static AnomalyHost Start()
        {
            var logs = new CapturedLogs(LogLevel.Warning);
            var csms = new CsmsFactory(services: s => s.AddSingleton<ILoggerProvider>(logs));
            return new AnomalyHost(logs, csms);
        }

        public long Anomalies(string kind)
        {
            lock (counting)
            {
                return anomalies.GetValueOrDefault(kind);
            }
        }

        public async Task<JsonElement> SummaryAsync()
        {
            var (status, body) = await Api.GetAsync(Csms.CreateClient(), "/api/transactions/summary");
            Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.OK));
            return body;
        }

        public async ValueTask DisposeAsync()
        {
            listener.Dispose();
            await Csms.DisposeAsync();
        }
    }
}
