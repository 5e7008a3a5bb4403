using System.Globalization;
using System.Text;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>Writes the report as Markdown, for RESULTS files and pull requests.</summary>
public static class MarkdownReportWriter
{
    public static string Write(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Fleet run {report.StartedAt:yyyy-MM-dd HH:mm:ss}Z");
        md.AppendLine();
        md.AppendLine(c, $"- Central System: `{report.CentralSystem}`{(report.EmbeddedCentralSystem ? " (embedded, its own process)" : string.Empty)}, security profile {report.SecurityProfile}");
        md.AppendLine(c, $"- Charge points: {report.ShardChargers} of {report.FleetChargers} (shard {report.Shard}), {report.ConnectorsPerCharger} connectors each, ramp {report.RampPerSecond}/s, seed {report.Seed}");
        md.AppendLine(c, $"- Duration: {report.DurationSeconds} s; machine: {report.Machine}");
        md.AppendLine(c, $"- Calls sent: {report.CallsSent} ({report.MeanCallsPerSecond}/s mean, {report.PeakCallsPerSecond}/s peak), answers: {report.Answers}, calls from the Central System: {report.CallsReceived}");
        md.AppendLine(c, $"- Sessions: {report.Sessions.Started} started, {report.Sessions.Completed} completed, {report.Sessions.Refused} refused, {report.Sessions.Skipped} arrivals at a charge point offline, {report.Sessions.Failed} failed");
        md.AppendLine(c, $"- Process: peak RSS {Mib(report.Process.PeakRssBytes)} MiB ({report.Process.RssPerChargerKiB} KiB per charge point), CPU {report.Process.CpuSeconds} s on {report.Process.ProcessorCount} CPUs; {report.Process.Note}");
        if (report.CentralSystemProcess is { } cs)
        {
            md.AppendLine(c, $"- Central System process: peak RSS {Mib(cs.PeakRssBytes)} MiB ({cs.RssPerChargerKiB} KiB per charge point), CPU {cs.CpuSeconds} s; {cs.Note}");
        }
        if (report.CommandLine is { } commandLine)
        {
            md.AppendLine(c, $"- Command line: `{commandLine}`");
        }

        md.AppendLine(c, $"- Charge points powered on {report.ChargersPoweredOn}, connected {report.ChargersConnected}, booted {report.ChargersBooted}");
        if (report.Firmware is { } firmware)
        {
            md.AppendLine(c, $"- Firmware campaign: {firmware.Describe()}");
        }

        md.AppendLine();
        if (report.Thresholds.Count > 0)
        {
            md.AppendLine(c, $"## Thresholds: {(report.Thresholds.All(t => t.Passed) ? "all passed" : $"{report.Thresholds.Count(t => !t.Passed)} of {report.Thresholds.Count} failed")}");
            md.AppendLine();
            md.AppendLine("| threshold | observed | verdict |");
            md.AppendLine("| --- | --- | --- |");
            foreach (var t in report.Thresholds)
            {
                md.AppendLine(c, $"| `{t.Threshold}` | {t.Shown} | {(t.Passed ? "pass" : "FAIL")} |");
            }

            md.AppendLine();
        }

        md.AppendLine("## Latency (ms)");
        md.AppendLine();
        md.AppendLine("| action | count | p50 | p95 | p99 | max |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var a in report.Actions.Append(report.ConnectTime).Append(report.BootTime))
        {
            md.AppendLine(c, $"| {a.Name} | {a.Count} | {a.P50Ms} | {a.P95Ms} | {a.P99Ms} | {a.MaxMs} |");
        }

        md.AppendLine();
        md.AppendLine("## Errors");
        md.AppendLine();
        if (report.Errors.Count == 0)
        {
            md.AppendLine("None.");
        }
        else
        {
            md.AppendLine("| kind | count |");
            md.AppendLine("| --- | ---: |");
            foreach (var (kind, count) in report.Errors.OrderByDescending(e => e.Value))
            {
                md.AppendLine(c, $"| {kind} | {count} |");
            }
        }

        return md.ToString();
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
