using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Reports;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class ReportWriterTests
{
    internal static FleetReport Report()
    {
        var histogram = new LatencyHistogram();
        histogram.RecordMicroseconds(1_500);
        histogram.RecordMicroseconds(2_500);
        histogram.RecordMicroseconds(42_000);
        return new FleetReport
        {
            StartedAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero),
            DurationSeconds = 60,
            CentralSystem = "ws://127.0.0.1:8180/ocpp",
            EmbeddedCentralSystem = true,
            Shard = "1/1",
            FleetChargers = 2000,
            ShardChargers = 2000,
            ConnectorsPerCharger = 2,
            RampPerSecond = 500,
            Seed = 42,
            Machine = "2 CPU",
            CallsSent = 123456,
            Answers = 123450,
            CallsReceived = 3,
            MeanCallsPerSecond = 2057.6,
            PeakCallsPerSecond = 4321,
            Actions = [LatencySummary.From("Authorize", histogram)],
            ConnectTime = LatencySummary.From("connect", histogram),
            BootTime = LatencySummary.From("boot", new LatencyHistogram()),
            Errors = new Dictionary<string, long> { ["CALLERROR Heartbeat InternalError"] = 17 },
            Sessions = new SessionSummary(900, 800, 790, 5, 3, 1),
            Process = new ProcessSummary(300L * 1048576, 280L * 1048576, 12.5, 153.6, 2, "the fleet process only"),
            TimeSeries = [new ThroughputSample(1, 1000, 990, 10, 9, 2, 0, 1), new ThroughputSample(2, 4321, 4300, 20, 19, 4, 17, 1)],
        };
    }

    [Test]
    public void The_json_report_holds_the_figures()
    {
        var json = JsonReportWriter.Write(Report());

        Assert.That(json, Does.Contain("\"callsSent\": 123456"));
        Assert.That(json, Does.Contain("\"name\": \"Authorize\""));
        Assert.That(json, Does.Contain("\"maxMs\": 42"));
        Assert.That(json, Does.Contain("\"CALLERROR Heartbeat InternalError\": 17"));
        Assert.That(json, Does.Contain("\"rssPerChargerKiB\": 153.6"));
    }

    [Test]
    public void Shards_with_an_embedded_central_system_each_add_up_the_fleet_and_the_central_system_apart()
    {
        TimeWindow Window(long rss, double cpu, long csRss, double csCpu) =>
            new(0, 10, 10, 10, 10, 0, 0, 1, 1, [], new Dictionary<string, long>(), new Dictionary<string, long>(), Stopping: false)
            {
                RssBytes = rss,
                CpuPercent = cpu,
                CentralSystemRssBytes = csRss,
                CentralSystemCpuPercent = csCpu,
            };
        FleetReport Shard(int k, long centralSystemPeak) => Report() with
        {
            Shard = $"{k}/2",
            ShardChargers = 1000,
            CentralSystemProcess = new ProcessSummary(centralSystemPeak, centralSystemPeak, 4, 0, 2, "the embedded Central System's own process"),
            Windows = [Window(100, 20, centralSystemPeak, 10)],
        };

        var merged = ReportMerge.Merge([("a", Shard(1, 200)), ("b", Shard(2, 300))]);

        Assert.That(merged.Process.PeakRssBytes, Is.EqualTo(600L * 1048576));
        Assert.That(merged.CentralSystemProcess!.PeakRssBytes, Is.EqualTo(500));
        Assert.That(merged.CentralSystemProcess.CpuSeconds, Is.EqualTo(8));
        Assert.That(merged.Windows.Single().RssBytes, Is.EqualTo(200));
        Assert.That(merged.Windows.Single().CpuPercent, Is.EqualTo(40));
        Assert.That(merged.Windows.Single().CentralSystemRssBytes, Is.EqualTo(500));
        Assert.That(merged.Windows.Single().CentralSystemCpuPercent, Is.EqualTo(20));
        Assert.That(MarkdownReportWriter.Write(merged), Does.Contain("- Central System process: peak RSS 0.0 MiB"));
    }

    [Test]
    public void Against_another_central_system_the_report_has_no_central_system_process()
    {
        var report = Report() with { EmbeddedCentralSystem = false };

        Assert.That(report.CentralSystemProcess, Is.Null);
        Assert.That(MarkdownReportWriter.Write(report), Does.Not.Contain("Central System process"));
        Assert.That(JsonReportWriter.Write(report), Does.Contain("\"centralSystemProcess\": null"));
    }

    [Test]
    public void The_markdown_report_has_a_latency_row_per_action_and_the_errors()
    {
        var md = MarkdownReportWriter.Write(Report());

        Assert.That(md, Does.Contain("| Authorize | 3 |"));
        Assert.That(md, Does.Contain("| connect | 3 |"));
        Assert.That(md, Does.Contain("| CALLERROR Heartbeat InternalError | 17 |"));
        Assert.That(md, Does.Contain("153.6 KiB per charge point"));
        Assert.That(md, Does.Contain("800 started, 790 completed"));
    }

    [Test]
    public void The_html_report_is_self_contained_with_a_histogram_per_action_and_the_throughput()
    {
        var windows = new[]
        {
            new TimeWindow(0, 10, 10, 10, 10, 2, 0, 40, 40, [new WindowLatency("Authorize", 3, 1, 2, 3)], new Dictionary<string, long>(), new Dictionary<string, long>(), Stopping: false),
            new TimeWindow(10, 20, 10, 10, 10, 0, 0, 4321, 4300, [], new Dictionary<string, long>(), new Dictionary<string, long>(), Stopping: true),
        };
        var html = HtmlReportWriter.Write(Report() with { Windows = windows, WindowSeconds = 10, StartupSeconds = 5 });

        Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
        Assert.That(html, Does.Not.Contain("<script").And.Not.Contain("src=\"http").And.Not.Contain("href=\"http"));
        Assert.That(html, Does.Contain("aria-label=\"Authorize latency histogram\""));
        Assert.That(html, Does.Contain("aria-label=\"Calls per second: sent by the charge points, answers received\""));
        Assert.That(html, Does.Contain("aria-label=\"Authorize: round trip per window\""));
        Assert.That(html, Does.Contain("<polyline fill=\"none\""));
        Assert.That(html, Does.Contain("<td>CALLERROR Heartbeat InternalError</td><td>17</td>"));
        Assert.That(html, Does.Contain("4321"));
    }

    [Test]
    public async Task The_three_files_are_written_next_to_each_other()
    {
        var prefix = Path.Combine(Path.GetTempPath(), "fleet-report-" + Guid.NewGuid().ToString("N"), "run");
        try
        {
            var files = await ReportFiles.WriteAsync(Report(), prefix, CancellationToken.None);

            Assert.That(files, Is.EqualTo(new[] { prefix + ".json", prefix + ".md", prefix + ".html" }));
            Assert.That(files.Select(File.Exists), Has.All.True);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(prefix)!, recursive: true);
        }
    }

    [Test]
    public void The_prometheus_text_has_the_embedded_central_system_process_apart_when_there_is_one()
    {
        using var metrics = new FleetMetrics();
        var fleet = new ProcessUsage(1024, TimeSpan.FromSeconds(2), 0);

        var alone = PrometheusEndpoint.Format("1/1", new FleetGauges(1, 1, 1, 0, 0), metrics, new SessionCounters(), fleet);
        var both = PrometheusEndpoint.Format("1/1", new FleetGauges(1, 1, 1, 0, 0), metrics, new SessionCounters(), fleet, new ProcessUsage(4096, TimeSpan.FromSeconds(3), null));

        Assert.That(alone, Does.Not.Contain("ocpplab_fleet_central_system_"));
        Assert.That(both, Does.Contain("ocpplab_fleet_process_resident_memory_bytes{shard=\"1/1\"} 1024\n"));
        Assert.That(both, Does.Contain("ocpplab_fleet_central_system_resident_memory_bytes{shard=\"1/1\"} 4096\n"));
        Assert.That(both, Does.Contain("ocpplab_fleet_central_system_cpu_seconds_total{shard=\"1/1\"} 3\n"));
    }

    [Test]
    public void The_prometheus_text_has_gauges_counters_and_cumulative_histograms()
    {
        using var metrics = new FleetMetrics();
        var text = PrometheusEndpoint.Format("2/3", new FleetGauges(10, 9, 8, 4, 0), metrics, new SessionCounters(), new ProcessUsage(1024, TimeSpan.FromSeconds(2), 0));

        Assert.That(text, Does.Contain("# TYPE ocpplab_fleet_charge_points_connected gauge\nocpplab_fleet_charge_points_connected{shard=\"2/3\"} 9\n"));
        Assert.That(text, Does.Contain("ocpplab_fleet_process_cpu_seconds_total{shard=\"2/3\"} 2\n"));
    }
}
