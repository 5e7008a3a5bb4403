using System.Text.Json;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Reports;
using OcppLab.Simulator.Fleet.Thresholds;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary><c>fleet merge</c>: the reports of the shards of a run add up to the report of the same fleet run in one process.</summary>
public sealed class FleetMergeTests
{
    private const int Chargers = 24;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Test]
    public async Task Four_shards_merged_equal_one_run_of_the_whole_fleet()
    {
        var whole = await RunAsync(Shard.Whole);
        var folder = Directory.CreateTempSubdirectory("fleet-merge-");
        try
        {
            for (var k = 1; k <= 4; k++)
            {
                await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"shard-{k}.json"), JsonReportWriter.Write(await RunAsync(new Shard(k, 4))));
            }

            using var output = new StringWriter();
            using var error = new StringWriter();
            var prefix = Path.Combine(folder.FullName, "merged");
            var code = await SimulatorCommandLine.RunAsync(["fleet", "merge", Path.Combine(folder.FullName, "shard-*.json"), "--report", prefix], Terminal.Captured(output, error), CancellationToken.None);
            Assert.That(code, Is.EqualTo(ExitCodes.Success), error.ToString());
            Assert.That(File.Exists(prefix + ".html"), Is.True);
            var merged = JsonSerializer.Deserialize<FleetReport>(await File.ReadAllTextAsync(prefix + ".json"), Json)!;

            Assert.That(whole.CallsSent, Is.GreaterThan(100), "a workload worth comparing");
            Assert.That(merged.ShardChargers, Is.EqualTo(Chargers));
            Assert.That(merged.CallsSent, Is.EqualTo(whole.CallsSent));
            Assert.That(merged.Answers, Is.EqualTo(whole.Answers));
            Assert.That(merged.CallsReceived, Is.EqualTo(whole.CallsReceived));
            Assert.That(merged.Sessions, Is.EqualTo(whole.Sessions));
            Assert.That(merged.Errors, Is.EqualTo(whole.Errors));
            Assert.That(merged.ChargersPoweredOn, Is.EqualTo(whole.ChargersPoweredOn));
            Assert.That(merged.ChargersBooted, Is.EqualTo(whole.ChargersBooted));
            Assert.That(merged.Actions.Select(a => (a.Name, a.Count)), Is.EqualTo(whole.Actions.Select(a => (a.Name, a.Count))));
            Assert.That(merged.Actions.Select(a => a.Buckets), Is.EqualTo(whole.Actions.Select(a => a.Buckets)), "bucket for bucket");
            Assert.That(merged.Actions.Select(a => (a.P50Ms, a.P95Ms, a.P99Ms, a.MaxMs, a.MeanMs)), Is.EqualTo(whole.Actions.Select(a => (a.P50Ms, a.P95Ms, a.P99Ms, a.MaxMs, a.MeanMs))));
            Assert.That(merged.BootTime.Count, Is.EqualTo(whole.BootTime.Count), "boot times are on the wall clock (ChargerProbe), so only their count is the same");
            var windows = whole.Windows.Count;
            Assert.That(merged.Windows, Has.Count.EqualTo(windows));
            Assert.That(merged.Windows.Select(w => (w.Powered, w.Connected, w.Booted, w.Charging, w.CallsPerSecond)), Is.EqualTo(whole.Windows.Select(w => (w.Powered, w.Connected, w.Booted, w.Charging, w.CallsPerSecond))));
            Assert.That(merged.Windows.Select(w => w.Latency.Select(l => (l.Action, l.Count, l.Buckets.Sum(b => b.Count)))), Is.EqualTo(whole.Windows.Select(w => w.Latency.Select(l => (l.Action, l.Count, l.Buckets.Sum(b => b.Count))))));
            Assert.That(merged.Thresholds.Select(t => (t.Threshold, t.Observed, t.Passed)), Is.EqualTo(whole.Thresholds.Select(t => (t.Threshold, t.Observed, t.Passed))), "judged again on the whole");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Merged_latency_histograms_equal_one_histogram_of_every_value_bucket_for_bucket()
    {
        var random = new Random(11);
        var values = Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(random.NextDouble() * 14)).ToList(); // 1 µs to about 1.2 s
        var whole = new LatencyHistogram();
        var parts = Enumerable.Range(0, 4).Select(_ => new LatencyHistogram()).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            whole.RecordMicroseconds(values[i]);
            parts[i % 4].RecordMicroseconds(values[i]);
        }

        var merged = ReportMerge.MergeLatency("Authorize", [.. parts.Select(p => LatencySummary.From("Authorize", p))]);
        var expected = LatencySummary.From("Authorize", whole);

        Assert.That(merged.Buckets, Is.EqualTo(expected.Buckets));
        Assert.That(merged.Buckets.Count, Is.GreaterThan(100));
        Assert.That((merged.Count, merged.P50Ms, merged.P95Ms, merged.P99Ms, merged.MaxMs, merged.MeanMs), Is.EqualTo((expected.Count, expected.P50Ms, expected.P95Ms, expected.P99Ms, expected.MaxMs, expected.MeanMs)));
    }

    [Test]
    public async Task Reports_of_different_runs_or_a_shard_twice_are_refused_naming_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("fleet-merge-");
        try
        {
            var one = await RunAsync(new Shard(1, 2), seconds: 20);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "a.json"), JsonReportWriter.Write(one));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "b.json"), JsonReportWriter.Write(one));
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "c.json"), "{ \"not\": \"a report\" }");
            using var output = new StringWriter();
            using var error = new StringWriter();

            var twice = await SimulatorCommandLine.RunAsync(["fleet", "merge", Path.Combine(folder.FullName, "a.json"), Path.Combine(folder.FullName, "b.json")], Terminal.Captured(output, error), CancellationToken.None);
            Assert.That(twice, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error.ToString(), Does.Contain("shard 1/2 is in").And.Contain("each shard once"));

            var bad = await SimulatorCommandLine.RunAsync(["fleet", "merge", Path.Combine(folder.FullName, "c.json")], Terminal.Captured(output, error), CancellationToken.None);
            Assert.That(bad, Is.EqualTo(ExitCodes.Usage));
            Assert.That(error.ToString(), Does.Contain("c.json' is not a fleet report"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A deterministic run on virtual time: the same seed, sessions and ramp, shard by shard or whole.</summary>
    private static async Task<FleetReport> RunAsync(Shard shard, int seconds = 120)
    {
        var plan = new FleetPlan
        {
            CentralSystem = new Uri("ws://127.0.0.1/ocpp"),
            Chargers = Chargers,
            Shard = shard,
            RampPerSecond = 4,
            Seed = 5,
            Template = new ChargePointTemplate { NumberOfConnectors = 2 },
            Sessions = new SessionProfile { MeanGap = TimeSpan.FromSeconds(20), MeanLength = TimeSpan.FromSeconds(40) },
        };
        await using var h = new FleetHarness(plan);
        var series = new TimeSeriesRecorder(h.Metrics, TimeSpan.FromSeconds(10));
        h.Runner.Start();
        for (var s = 10; s <= seconds; s += 10)
        {
            await h.AdvanceAsync(10);
            series.Record(s, h.Runner.Gauges(), stopping: false);
        }

        // Taken at the same virtual instant in every run: how long the stop takes depends on how many charge points one runner stops.
        var report = FleetReportBuilder.Build(plan, h.Metrics, new FleetProgress(), h.Runner.Sessions, ChargePointHarness.Start, embedded: false, h.Runner.Size) with
        {
            Windows = series.Windows,
            WindowSeconds = 10,
        };
        var thresholds = new[] { "p99(Authorize)<500ms", "errors<0.1%", "connected>=99%" }.Select(Threshold.Parse);
        return report with { Thresholds = [.. thresholds.Select(t => t.Evaluate(report))] };
    }
}
