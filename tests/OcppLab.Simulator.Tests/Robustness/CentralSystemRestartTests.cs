using System.Net.Http.Json;
using System.Reactive.Concurrency;
using System.Text.Json;
using OcppLab.Csms.OperatorApi;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// Issue 9, the Central System killed mid-run: our Central System runs as its own process with a data
/// directory, a fleet of virtual charge points runs sessions against it in this process, the Central System
/// is killed (SIGKILL, no shutdown) while transactions run and started again on the same directory and port.
/// The charge points reconnect with back-off and replay what they queued; every transaction must end up
/// with its start and exactly one applied stop.
/// </summary>
[NonParallelizable]
public sealed class CentralSystemRestartTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    [CancelAfter(180_000)]
    public async Task A_Central_System_killed_mid_run_and_restarted_on_its_data_directory_loses_no_transaction(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "ocpplab-restart-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        var port = ChildProcess.FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var plan = new FleetPlan
        {
            CentralSystem = new Uri($"ws://127.0.0.1:{port}/ocpp"),
            Chargers = 12,
            RampPerSecond = 50,
            IdPattern = "RESTART{0:00}",
            IdTagPattern = "RTAG{0:00}",
            Sessions = new SessionProfile { MeanGap = TimeSpan.FromMilliseconds(400), MeanLength = TimeSpan.FromSeconds(4) },
            Template = new ChargePoint.ChargePointTemplate { Configuration = new Dictionary<string, string> { ["MeterValueSampleInterval"] = "1" } },
        };
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await using var before = StartCentralSystem(dataDirectory, port, plan);
            await before.WaitUntilServingAsync(http, new Uri(baseAddress, "/api/transactions"), Patience, cancellationToken);
            using var metrics = new FleetMetrics();
            var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(5)));
            IReadOnlyList<TransactionView> runningAtKill;
            IReadOnlyList<TransactionView> after;
            await using (runner)
            {
                runner.Start();

                // Kill it while several transactions run and have meter values.
                runningAtKill = await UntilAsync(
                    "three transactions running with meter values",
                    async () => (await TransactionsAsync(http, cancellationToken)).Where(t => t.Active && t.MeterValueCount > 0).ToList(),
                    running => running.Count >= 3,
                    () => $"Fleet: {runner.Gauges()}, sessions started {runner.Sessions.Started}. Central System:{Environment.NewLine}{before.Tail}",
                    cancellationToken);
                await before.KillAsync();

                // Down for a moment: sessions go on at the charge points, their messages queue.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await using var restarted = StartCentralSystem(dataDirectory, port, plan);
                await restarted.WaitUntilServingAsync(http, new Uri(baseAddress, "/api/transactions"), Patience, cancellationToken);

                // Back online: let sessions run on, then end them all and let the queues drain.
                await UntilAsync(
                    "every charge point back and its queue delivered",
                    () => Task.FromResult(runner.Gauges()),
                    g => g.Booted == plan.Chargers && g.Queued == 0,
                    () => $"Fleet: {runner.Gauges()}. Central System:{Environment.NewLine}{restarted.Tail}",
                    cancellationToken);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                await runner.StopAsync(TimeSpan.FromSeconds(30), cancellationToken);
                Assert.That(runner.Gauges().Queued, Is.Zero, "transaction messages still queued at the charge points");
                after = await TransactionsAsync(http, cancellationToken);
                TestContext.Out.WriteLine($"started {runner.Sessions.Started} completed {runner.Sessions.Completed}; " +
                    $"{after.Count} transactions, {after.Sum(t => t.DuplicateStarts)} resent starts, {after.Sum(t => t.DuplicateStops)} resent stops");
            }

            var byId = after.ToDictionary(t => t.TransactionId);
            Assert.Multiple(() =>
            {
                Assert.That(runner.Sessions.Completed, Is.EqualTo(runner.Sessions.Started), "a session the fleet did not finish");
                Assert.That(after, Has.Count.EqualTo(runner.Sessions.Started), "one transaction per session started, no more, no less");
                Assert.That(after.Where(t => t.Active), Is.Empty, "a transaction without its stop");
                Assert.That(after.Where(t => t.StartUnknown), Is.Empty, "a stop whose start the restarted Central System did not know");
                Assert.That(after.Where(t => t.ForeignStops > 0), Is.Empty);
                foreach (var running in runningAtKill)
                {
                    var now = byId.GetValueOrDefault(running.TransactionId);
                    Assert.That(now, Is.Not.Null, $"transaction {running.TransactionId}, running at the kill, is gone");
                    Assert.That(now?.ChargePointId, Is.EqualTo(running.ChargePointId));
                    Assert.That(now?.StartTimestamp, Is.EqualTo(running.StartTimestamp));
                    Assert.That(now?.MeterValueCount, Is.GreaterThanOrEqualTo(running.MeterValueCount), $"meter values of {running.TransactionId} from before the kill are lost");
                    Assert.That(now?.Active, Is.False, $"transaction {running.TransactionId}, running at the kill, never got its stop");
                }
            });
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static ChildProcess StartCentralSystem(string dataDirectory, int port, FleetPlan plan)
    {
        List<string> arguments =
        [
            "--Urls", $"http://127.0.0.1:{port}",
            "--data-dir", dataDirectory,
            "--Logging:LogLevel:Default", "Warning",
            "--Logging:LogLevel:OcppLab.Csms.Persistence", "Information",
            "--Csms:WebSocketPingIntervalSeconds", "0",
        ];
        var n = 0;
        foreach (var tag in plan.AllIdTags())
        {
            arguments.AddRange([$"--Csms:IdTags:{n}:IdTag", tag, $"--Csms:IdTags:{n}:Status", "Accepted"]);
            n++;
        }

        return ChildProcess.Start("OcppLab.Csms.dll", dataDirectory, [.. arguments]);
    }

    private static async Task<IReadOnlyList<TransactionView>> TransactionsAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var page = await http.GetFromJsonAsync<Page<TransactionView>>("/api/transactions?limit=1000", Web, cancellationToken);
        return page!.Items;
    }

    private static async Task<T> UntilAsync<T>(string what, Func<Task<T>> read, Func<T, bool> done, Func<string> state, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        var value = await read();
        while (!done(value))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not reached within {Patience}. {state()}");
            }

            await Task.Delay(200, cancellationToken);
            value = await read();
        }

        return value;
    }
}
