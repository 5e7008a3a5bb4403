using System.Runtime.InteropServices;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>Collects the figures of a finished run into a <see cref="FleetReport"/>.</summary>
public static class FleetReportBuilder
{
    public static FleetReport Build(FleetPlan plan, FleetMetrics metrics, FleetProgress progress, SessionCounters sessions, DateTimeOffset startedAt, bool embedded, int shardChargers)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentNullException.ThrowIfNull(sessions);
        var usage = ProcessUsage.Now();
        var series = progress.Samples;
        var seconds = progress.Elapsed.TotalSeconds;
        var peakRss = Math.Max(progress.PeakRssBytes, usage.RssBytes);
        var centralSystem = progress.CentralSystemNow() ?? progress.CentralSystemLatest;
        return new FleetReport
        {
            StartedAt = startedAt,
            DurationSeconds = Math.Round(seconds, 1),
            CentralSystem = plan.CentralSystem.ToString(),
            EmbeddedCentralSystem = embedded,
            SecurityProfile = plan.SecurityProfile,
            Shard = plan.Shard.ToString(),
            FleetChargers = plan.Chargers,
            ShardChargers = shardChargers,
            ConnectorsPerCharger = plan.Template.NumberOfConnectors,
            RampPerSecond = plan.RampPerSecond,
            Seed = plan.Seed,
            Machine = $"{Environment.ProcessorCount} CPU, {RuntimeInformation.OSDescription}, .NET {Environment.Version}",
            CallsSent = metrics.CallsOut,
            Answers = metrics.Answers,
            CallsReceived = metrics.CallsIn,
            MeanCallsPerSecond = seconds > 0 ? Math.Round(metrics.CallsOut / seconds, 1) : 0,
            PeakCallsPerSecond = series.Count == 0 ? 0 : series.Max(s => s.CallsPerSecond),
            Actions = [.. metrics.Actions.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => LatencySummary.From(a.Key, a.Value.Latency))],
            ConnectTime = LatencySummary.From("connect", metrics.ConnectTime),
            BootTime = LatencySummary.From("boot", metrics.BootTime),
            Errors = metrics.Errors,
            Sessions = new SessionSummary(sessions.Arrivals, sessions.Started, sessions.Completed, sessions.Refused, sessions.Skipped, sessions.Failed),
            Process = new ProcessSummary(
                peakRss,
                usage.RssBytes,
                Math.Round(usage.CpuTime.TotalSeconds, 2),
                shardChargers > 0 ? Math.Round(peakRss / 1024.0 / shardChargers, 1) : 0,
                Environment.ProcessorCount,
                embedded ? "the fleet process only: the embedded Central System runs in a process of its own, measured apart" : "the fleet process only"),
            CentralSystemProcess = centralSystem is { } cs
                ? new ProcessSummary(
                    Math.Max(progress.CentralSystemPeakRssBytes ?? 0, cs.RssBytes),
                    cs.RssBytes,
                    Math.Round(cs.CpuTime.TotalSeconds, 2),
                    shardChargers > 0 ? Math.Round(Math.Max(progress.CentralSystemPeakRssBytes ?? 0, cs.RssBytes) / 1024.0 / shardChargers, 1) : 0,
                    Environment.ProcessorCount,
                    "the embedded Central System's own process, from its start (CPU includes its start-up)")
                : null,
            TimeSeries = series,
            ChargersPoweredOn = metrics.ChargersPoweredOn,
            ChargersConnected = metrics.ChargersConnected,
            ChargersBooted = metrics.BootTime.Count,
            Firmware = metrics.Firmware.Requested > 0 || metrics.Firmware.CutShort > 0 || metrics.Firmware.Statuses.Count > 0
                ? new FirmwareSummary(metrics.Firmware.Requested, metrics.Firmware.NotSent, metrics.Firmware.Statuses) { CutShort = metrics.Firmware.CutShort }
                : null,
        };
    }
}
