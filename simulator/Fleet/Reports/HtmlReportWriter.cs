using System.Globalization;
using System.Net;
using System.Text;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>
/// Writes the report as one self-contained HTML page: tables, a latency histogram per action and a
/// throughput time series drawn as inline SVG, with no script and nothing loaded from elsewhere, so the
/// file can be mailed or archived as it is.
/// </summary>
public static class HtmlReportWriter
{
    private const int BinsPerDecade = 10;
    private const double FirstDecade = -2; // 10 µs
    private const double LastDecade = 5;   // 100 s
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Write(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine(C, $"<title>Fleet run {report.StartedAt:yyyy-MM-dd HH:mm:ss}Z</title>");
        html.AppendLine("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}td,th{padding:3px 10px;border-bottom:1px solid #ddd;text-align:right}td:first-child,th:first-child{text-align:left}svg{background:#fafafa;border:1px solid #ddd;margin:4px 0}.bar{fill:#3a7bd5}.calls{fill:none;stroke:#3a7bd5;stroke-width:1.5}.answers{fill:none;stroke:#e07b39;stroke-width:1.5}.axis{stroke:#999}text{font:11px system-ui,sans-serif;fill:#555}</style>");
        html.AppendLine("</head><body>");
        html.AppendLine(C, $"<h1>Fleet run {report.StartedAt:yyyy-MM-dd HH:mm:ss}Z</h1>");
        html.AppendLine("<table>");
        Row(html, "Central System", report.CentralSystem + (report.EmbeddedCentralSystem ? " (embedded, its own process)" : string.Empty));
        Row(html, "Security profile", report.SecurityProfile.ToString(C));
        Row(html, "Charge points", $"{report.ShardChargers} of {report.FleetChargers} (shard {report.Shard}), {report.ConnectorsPerCharger} connectors each");
        Row(html, "Ramp, seed", $"{report.RampPerSecond}/s, {report.Seed}");
        Row(html, "Duration", $"{report.DurationSeconds} s");
        Row(html, "Machine", report.Machine);
        Row(html, "Calls sent", $"{report.CallsSent} ({report.MeanCallsPerSecond}/s mean, {report.PeakCallsPerSecond}/s peak)");
        Row(html, "Answers received", report.Answers.ToString(C));
        Row(html, "Calls from the Central System", report.CallsReceived.ToString(C));
        Row(html, "Sessions", $"{report.Sessions.Started} started, {report.Sessions.Completed} completed, {report.Sessions.Refused} refused, {report.Sessions.Skipped} skipped (offline), {report.Sessions.Failed} failed");
        Row(html, "Peak RSS", $"{report.Process.PeakRssBytes / 1048576.0:0.0} MiB ({report.Process.RssPerChargerKiB} KiB per charge point)");
        Row(html, "CPU time", $"{report.Process.CpuSeconds} s on {report.Process.ProcessorCount} CPUs");
        Row(html, "Note", report.Process.Note);
        if (report.CentralSystemProcess is { } cs)
        {
            Row(html, "Central System peak RSS", $"{cs.PeakRssBytes / 1048576.0:0.0} MiB ({cs.RssPerChargerKiB} KiB per charge point)");
            Row(html, "Central System CPU time", $"{cs.CpuSeconds} s; {cs.Note}");
        }
        Row(html, "Powered on, connected, booted", $"{report.ChargersPoweredOn}, {report.ChargersConnected}, {report.ChargersBooted}");
        if (report.Firmware is { } firmware)
        {
            Row(html, "Firmware campaign", firmware.Describe());
        }

        if (report.CommandLine is { } commandLine)
        {
            Row(html, "Command line", commandLine);
        }

        html.AppendLine("</table>");
        if (report.Thresholds.Count > 0)
        {
            var failed = report.Thresholds.Count(t => !t.Passed);
            html.AppendLine(C, $"<h2>Thresholds: {(failed == 0 ? "all passed" : $"{failed} of {report.Thresholds.Count} failed")}</h2><table><tr><th>threshold</th><th>observed</th><th>verdict</th></tr>");
            foreach (var t in report.Thresholds)
            {
                html.AppendLine(C, $"<tr><td><code>{Enc(t.Threshold)}</code></td><td>{Enc(t.Shown)}</td><td style=\"color:{(t.Passed ? "#2a7d2a" : "#c0392b")};font-weight:bold\">{(t.Passed ? "pass" : "FAIL")}</td></tr>");
            }

            html.AppendLine("</table>");
        }

        if (report.Scenario is { } scenario)
        {
            html.AppendLine(C, $"<details><summary>Scenario</summary><pre>{Enc(scenario)}</pre></details>");
        }

        html.AppendLine("<h2>Latency (ms)</h2><table><tr><th>action</th><th>count</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
        var all = report.Actions.Append(report.ConnectTime).Append(report.BootTime).ToList();
        foreach (var a in all)
        {
            html.AppendLine(C, $"<tr><td>{Enc(a.Name)}</td><td>{a.Count}</td><td>{a.P50Ms}</td><td>{a.P95Ms}</td><td>{a.P99Ms}</td><td>{a.MaxMs}</td></tr>");
        }

        html.AppendLine("</table>");
        html.AppendLine(C, $"<h2>Over time <small>(windows of {report.WindowSeconds} s)</small></h2>");
        html.AppendLine(TimeSeriesCharts.All(report.Windows, report.StartupSeconds));

        html.AppendLine("<h2>Latency histograms</h2><p>Log scale, 10 bins per decade, from 0.01 ms to 100 s.</p>");
        foreach (var a in all.Where(a => a.Count > 0))
        {
            html.AppendLine(C, $"<h3>{Enc(a.Name)} <small>({a.Count} values, p50 {a.P50Ms} ms, p99 {a.P99Ms} ms)</small></h3>");
            html.AppendLine(Histogram(a));
        }

        html.AppendLine("<h2>Errors</h2>");
        if (report.Errors.Count == 0)
        {
            html.AppendLine("<p>None.</p>");
        }
        else
        {
            html.AppendLine("<table><tr><th>kind</th><th>count</th></tr>");
            foreach (var (kind, count) in report.Errors.OrderByDescending(e => e.Value))
            {
                html.AppendLine(C, $"<tr><td>{Enc(kind)}</td><td>{count}</td></tr>");
            }

            html.AppendLine("</table>");
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.AppendLine(C, $"<tr><td>{Enc(name)}</td><td>{Enc(value)}</td></tr>");

    private static string Enc(string text) => WebUtility.HtmlEncode(text);

    private static string Histogram(LatencySummary summary)
    {
        const int width = 700, height = 140, pad = 24;
        var bins = new long[(int)((LastDecade - FirstDecade) * BinsPerDecade)];
        foreach (var b in summary.Buckets)
        {
            var middle = Math.Max(1e-3, (b.FromMs + b.ToMs) / 2);
            var bin = (int)Math.Floor((Math.Log10(middle) - FirstDecade) * BinsPerDecade);
            bins[Math.Clamp(bin, 0, bins.Length - 1)] += b.Count;
        }

        var max = Math.Max(1, bins.Max());
        var barWidth = (width - (2.0 * pad)) / bins.Length;
        var svg = new StringBuilder();
        svg.Append(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Enc(summary.Name)} latency histogram\">");
        for (var i = 0; i < bins.Length; i++)
        {
            if (bins[i] == 0)
            {
                continue;
            }

            var h = (height - (2.0 * pad)) * bins[i] / max;
            svg.Append(C, $"<rect class=\"bar\" x=\"{pad + (i * barWidth):0.#}\" y=\"{height - pad - h:0.#}\" width=\"{Math.Max(1, barWidth - 1):0.#}\" height=\"{h:0.#}\"><title>{Math.Pow(10, FirstDecade + ((double)i / BinsPerDecade)):0.###}–{Math.Pow(10, FirstDecade + ((double)(i + 1) / BinsPerDecade)):0.###} ms: {bins[i]}</title></rect>");
        }

        svg.Append(C, $"<line class=\"axis\" x1=\"{pad}\" y1=\"{height - pad}\" x2=\"{width - pad}\" y2=\"{height - pad}\"/>");
        for (var d = FirstDecade; d <= LastDecade; d++)
        {
            var x = pad + ((d - FirstDecade) * BinsPerDecade * barWidth);
            svg.Append(C, $"<text x=\"{x:0.#}\" y=\"{height - 6}\" text-anchor=\"middle\">{Math.Pow(10, d).ToString("0.##", C)} ms</text>");
        }

        svg.Append(C, $"<text x=\"{pad}\" y=\"14\">max bin {max}</text></svg>");
        return svg.ToString();
    }
}
