using System.Globalization;
using System.Net;
using System.Text;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>
/// The time series as self-contained SVG line charts. Each chart scales to the windows before the stop, so the
/// burst of StopTransactions and closes at the end does not flatten the steady state; a value above the scale is
/// drawn at the top edge and named in the chart's corner. The end of the start-up and the start of the stop are
/// marked on every chart.
/// </summary>
public static class TimeSeriesCharts
{
    private const int Width = 760;
    private const int Height = 190;
    private const int Left = 56;
    private const int Right = 150;
    private const int Top = 22;
    private const int Bottom = 26;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;
    private static readonly double[] Steps = [1, 2, 5, 10];
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];

    /// <summary>One line of a chart: a name, and its value in a window.</summary>
    public sealed record Line(string Name, Func<TimeWindow, double> Value, bool Dashed = false);

    /// <summary>The charts of the report, from the gauges to the calls of the Central System, then memory and CPU by process.</summary>
    public static string All(IReadOnlyList<TimeWindow> windows, double startupSeconds)
    {
        ArgumentNullException.ThrowIfNull(windows);
        if (windows.Count == 0)
        {
            return "<p>No time series: the run ended before its first window.</p>";
        }

        var html = new StringBuilder();
        html.AppendLine(Chart("Charge points and sessions", "", windows, startupSeconds, [
            new Line("powered", w => w.Powered, Dashed: true),
            new Line("connected", w => w.Connected),
            new Line("booted", w => w.Booted, Dashed: true),
            new Line("charging connectors", w => w.Charging),
            new Line("queued tx messages", w => w.Queued),
        ]));
        html.AppendLine(Chart("Calls per second: sent by the charge points, answers received", "/s", windows, startupSeconds, [
            new Line("sent", w => w.CallsPerSecond),
            new Line("answered", w => w.AnswersPerSecond, Dashed: true),
        ]));
        var actions = windows.SelectMany(w => w.Latency).GroupBy(l => l.Action).OrderByDescending(g => g.Sum(l => l.Count)).Select(g => g.Key).ToList();
        foreach (var action in actions)
        {
            html.AppendLine(Chart($"{action}: round trip per window", "ms", windows, startupSeconds, [
                new Line("p50", w => Latency(w, action)?.P50Ms ?? double.NaN),
                new Line("p95", w => Latency(w, action)?.P95Ms ?? double.NaN),
                new Line("p99", w => Latency(w, action)?.P99Ms ?? double.NaN),
            ]));
        }

        html.AppendLine(Breakdown("Errors and CALLERRORs by kind, per window", windows, startupSeconds, w => w.Errors));
        html.AppendLine(Breakdown("Calls from the Central System by action, per window (each answered)", windows, startupSeconds, w => w.CentralSystemCalls));
        var embedded = windows.Any(w => w.CentralSystemRssBytes is not null);
        html.AppendLine(Chart(embedded ? "Memory: resident set of the fleet's process and of the embedded Central System's" : "Memory: resident set of the fleet's process", " MiB", windows, startupSeconds, [
            new Line("fleet", w => w.RssBytes / 1048576.0),
            .. embedded ? [new Line("Central System", w => w.CentralSystemRssBytes / 1048576.0 ?? double.NaN, Dashed: true)] : Array.Empty<Line>(),
        ]));
        html.AppendLine(Chart(embedded ? "CPU per window, % of one CPU: the fleet's process and the embedded Central System's" : "CPU per window, % of one CPU: the fleet's process", "%", windows, startupSeconds, [
            new Line("fleet", w => w.CpuPercent),
            .. embedded ? [new Line("Central System", w => w.CentralSystemCpuPercent ?? double.NaN, Dashed: true)] : Array.Empty<Line>(),
        ]));
        return html.ToString();
    }

    private static WindowLatency? Latency(TimeWindow window, string action) => window.Latency.FirstOrDefault(l => l.Action == action);

    private static string Breakdown(string title, IReadOnlyList<TimeWindow> windows, double startupSeconds, Func<TimeWindow, IReadOnlyDictionary<string, long>> counts)
    {
        var kinds = windows.SelectMany(w => counts(w).Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (kinds.Count == 0)
        {
            return $"<h3>{WebUtility.HtmlEncode(title)}</h3><p>None.</p>";
        }

        return Chart(title, "", windows, startupSeconds, [.. kinds.Select(k => new Line(k, w => counts(w).GetValueOrDefault(k)))]);
    }

    /// <summary>One chart.</summary>
    public static string Chart(string title, string unit, IReadOnlyList<TimeWindow> windows, double startupSeconds, IReadOnlyList<Line> lines)
    {
        ArgumentNullException.ThrowIfNull(windows);
        ArgumentNullException.ThrowIfNull(lines);
        var plotW = Width - Left - Right;
        var plotH = Height - Top - Bottom;
        var end = Math.Max(1, windows[^1].EndSeconds);
        var scaled = windows.Where(w => !w.Stopping).DefaultIfEmpty(windows[0]);
        var top = NiceCeiling(scaled.SelectMany(w => lines.Select(l => l.Value(w))).Where(double.IsFinite).DefaultIfEmpty(0).Max());
        var clipped = windows.Where(w => w.Stopping).SelectMany(w => lines.Select(l => l.Value(w))).Where(v => double.IsFinite(v) && v > top).DefaultIfEmpty(0).Max();
        double X(double seconds) => Left + (plotW * seconds / end);
        double Y(double value) => Top + plotH - (plotH * Math.Min(value, top) / top);

        var svg = new StringBuilder();
        svg.Append(C, $"<h3>{WebUtility.HtmlEncode(title)}</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(title)}\">");
        for (var i = 0; i <= 4; i++)
        {
            var v = top * i / 4;
            svg.Append(C, $"<line x1=\"{Left}\" x2=\"{Left + plotW}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e4e4e4\"/><text x=\"{Left - 4}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{Number(v)}{unit}</text>");
        }

        for (var i = 0; i <= 5; i++)
        {
            var t = end * i / 5;
            svg.Append(C, $"<text x=\"{X(t):0.#}\" y=\"{Height - 8}\" text-anchor=\"middle\">{Clock(t)}</text>");
        }

        if (startupSeconds > 0 && startupSeconds < end)
        {
            svg.Append(C, $"<line x1=\"{X(startupSeconds):0.#}\" x2=\"{X(startupSeconds):0.#}\" y1=\"{Top}\" y2=\"{Top + plotH}\" stroke=\"#888\" stroke-dasharray=\"3,3\"/><text x=\"{X(startupSeconds) + 3:0.#}\" y=\"{Top + 10}\">start-up done</text>");
        }

        if (windows.FirstOrDefault(w => w.Stopping) is { } stop)
        {
            svg.Append(C, $"<rect x=\"{X(stop.StartSeconds):0.#}\" y=\"{Top}\" width=\"{X(end) - X(stop.StartSeconds):0.#}\" height=\"{plotH}\" fill=\"#f3e9e9\"/><text x=\"{X(stop.StartSeconds) - 3:0.#}\" y=\"{Top + plotH - 4}\" text-anchor=\"end\">stopping →</text>");
        }

        for (var n = 0; n < lines.Count; n++)
        {
            var color = Palette[n % Palette.Length];
            var points = string.Join(' ', windows.Where(w => double.IsFinite(lines[n].Value(w))).Select(w => string.Create(C, $"{X(w.EndSeconds):0.#},{Y(lines[n].Value(w)):0.#}")));
            svg.Append(C, $"<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"1.8\"{(lines[n].Dashed ? " stroke-dasharray=\"6,3\"" : string.Empty)} points=\"{points}\"/>");
            svg.Append(C, $"<line x1=\"{Width - Right + 8}\" x2=\"{Width - Right + 26}\" y1=\"{Top + 6 + (n * 15)}\" y2=\"{Top + 6 + (n * 15)}\" stroke=\"{color}\" stroke-width=\"2\"{(lines[n].Dashed ? " stroke-dasharray=\"6,3\"" : string.Empty)}/><text x=\"{Width - Right + 30}\" y=\"{Top + 10 + (n * 15)}\">{WebUtility.HtmlEncode(Shorten(lines[n].Name))}<title>{WebUtility.HtmlEncode(lines[n].Name)}</title></text>");
        }

        if (clipped > top)
        {
            svg.Append(C, $"<text x=\"{Left + plotW}\" y=\"{Top - 6}\" text-anchor=\"end\">while stopping up to {Number(clipped)}{unit} (off the scale)</text>");
        }

        svg.Append(C, $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{plotW}\" height=\"{plotH}\" fill=\"none\" stroke=\"#bbb\"/></svg>");
        return svg.ToString();
    }

    private static string Shorten(string name) => name.Length <= 24 ? name : name[..23] + "…";

    private static string Clock(double seconds) => seconds < 120 ? $"{seconds:0}s" : $"{Math.Floor(seconds / 60):0}m{seconds % 60:00}s";

    private static string Number(double value) => value >= 100 ? value.ToString("0", C) : value.ToString("0.##", C);

    /// <summary>1, 2 or 5 times a power of ten, at or above <paramref name="value"/>.</summary>
    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return Steps.Select(m => m * power).First(v => v >= value);
    }
}
