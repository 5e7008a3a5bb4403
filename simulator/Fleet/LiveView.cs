using System.Globalization;
using System.Text;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The terminal view of a running fleet. On a terminal the block is redrawn in place about once a second: every line
/// cut to the terminal's width (so that none wraps and each takes exactly one row), the block cut to its height (so
/// that the cursor can always go back to its first row), rows in the order their action was first seen. Logs are not
/// printed into it: the view shows their count and the latest one's first line, and the full entries go to
/// <see cref="FleetLog"/>'s file. When the output is a file or a pipe, one summary line every ten seconds, so logs stay
/// readable; with --quiet, nothing.
/// </summary>
/// <param name="output">Where the view is written.</param>
/// <param name="terminal">Whether <paramref name="output"/> is a terminal.</param>
/// <param name="quiet">Show nothing.</param>
/// <param name="size">The terminal's columns and rows, read at each draw; null when unknown.</param>
/// <param name="log">The run's log, whose count and latest entry the view shows; null for none.</param>
public sealed class LiveView(TextWriter output, bool terminal, bool quiet, Func<(int Columns, int Rows)?> size, FleetLog? log = null)
{
    /// <summary>What a terminal of unknown size is taken to be.</summary>
    public static readonly (int Columns, int Rows) DefaultSize = (80, 24);

    private const int ActionColumn = 28;
    private const int MaxErrorRows = 3;
    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(10);
    private readonly List<string> actionOrder = [];
    private readonly List<string> errorOrder = [];
    private int drawnLines;
    private TimeSpan? lastLine;

    /// <summary>Shows the latest sample.</summary>
    public void Show(FleetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        if (quiet)
        {
            return;
        }

        if (!terminal)
        {
            if (lastLine is not { } last || status.Elapsed - last >= LineEvery)
            {
                lastLine = status.Elapsed;
                output.WriteLine(SummaryLine(status));
            }

            return;
        }

        var (columns, rows) = size() ?? DefaultSize;
        var lines = Lines(status, columns, rows);
        var text = new StringBuilder();
        if (drawnLines > 0)
        {
            // Back to the block's first row (each line took one row: none is longer than the terminal), then clear below.
            text.Append(CultureInfo.InvariantCulture, $"\u001b[{drawnLines}F\u001b[J");
        }

        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        output.Write(text.ToString());
        output.Flush();
        drawnLines = lines.Count;
    }

    /// <summary>The one-line summary (used off a terminal).</summary>
    public static string SummaryLine(FleetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var g = status.Gauges;
        var s = status.Sample;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Clock(status.Elapsed)} started {g.Started}/{status.ShardChargers} connected {g.Connected} booted {g.Booted} charging {g.Charging} calls/s {s?.CallsPerSecond ?? 0:0} errors {s?.Errors ?? 0} sessions {status.Sessions.Started}/{status.Sessions.Completed}");
    }

    /// <summary>The whole block, uncut (at the end of a run).</summary>
    public string Render(FleetStatus status) =>
        string.Concat(Lines(status, int.MaxValue, int.MaxValue).Select(line => line + Environment.NewLine));

    /// <summary>
    /// The block for a terminal of <paramref name="columns"/> × <paramref name="rows"/>: no line longer than
    /// <paramref name="columns"/> − 1 (a line of exactly the width wraps on some terminals), at most
    /// <paramref name="rows"/> − 1 lines (the row below the block holds the cursor).
    /// </summary>
    public IReadOnlyList<string> Lines(FleetStatus status, int columns, int rows)
    {
        ArgumentNullException.ThrowIfNull(status);
        var c = CultureInfo.InvariantCulture;
        var g = status.Gauges;
        var s = status.Sample;
        var until = status.Duration is { } d ? " / " + Clock(d) : " (Ctrl+C to stop)";
        var lines = new List<string>
        {
            string.Create(c, $"OcppLab fleet {Clock(status.Elapsed)}{until}  shard {status.Shard}  -> {status.CentralSystem}"),
            string.Create(c, $"charge points {g.Started,8} started {g.Connected,8} connected {g.Booted,8} booted  of {status.ShardChargers}"),
            string.Create(c, $"connectors    {g.Charging,8} charging  queued tx msgs {g.Queued}"),
            string.Create(c, $"sessions      {status.Sessions.Started,8} started {status.Sessions.Completed,8} done {status.Sessions.Refused,13} refused"),
            string.Create(c, $"traffic       {s?.CallsPerSecond ?? 0,8:0.0} calls/s {s?.AnswersPerSecond ?? 0,8:0.0} answers/s   errors {s?.Errors ?? 0}"),
            string.Create(c, $"process       RSS {(s?.RssBytes ?? 0) / 1048576.0:0.0} MiB   CPU {status.CpuTime.TotalSeconds:0.0} s"),
        };
        if (status.CentralSystemProcess is { } cs)
        {
            lines.Add(string.Create(c, $"csms process  RSS {cs.RssBytes / 1048576.0:0.0} MiB   CPU {cs.CpuTime.TotalSeconds:0.0} s   (embedded, apart)"));
        }

        var logLine = log?.Summary is { Count: > 0, Latest: { } latest } logged ? string.Create(c, $"log {logged.Count}: {latest}") : null;
        var errors = Ordered(errorOrder, status.Errors.Keys).Take(MaxErrorRows).ToList();
        var tableRows = Math.Max(0, Math.Min(rows, 1_000) - 1 - lines.Count - 1 - errors.Count - (logLine is null ? 0 : 1));
        var actions = Ordered(actionOrder, status.Actions.Keys).ToList();
        lines.Add(string.Create(c, $"{"action",-ActionColumn}{"calls",10}{"p50 ms",10}{"p99 ms",10}{"max ms",10}"));
        var shown = actions.Count > tableRows ? Math.Max(0, tableRows - 1) : actions.Count;
        foreach (var name in actions.Take(shown))
        {
            var action = status.Actions[name];
            var h = action.Latency;
            lines.Add(string.Create(c, $"{Cut(name, ActionColumn - 1),-ActionColumn}{action.Calls,10}{h.PercentileMicroseconds(50) / 1000.0,10:0.00}{h.PercentileMicroseconds(99) / 1000.0,10:0.00}{h.MaxMicroseconds / 1000.0,10:0.0}"));
        }

        if (shown < actions.Count && tableRows > 0)
        {
            lines.Add(string.Create(c, $"… {actions.Count - shown} more actions (in the report)"));
        }

        foreach (var kind in errors)
        {
            lines.Add(string.Create(c, $"error x{status.Errors[kind]}: {kind}"));
        }

        if (logLine is not null)
        {
            lines.Add(logLine);
        }

        return [.. lines.Take(Math.Max(1, rows - 1)).Select(line => Cut(line, columns - 1))];
    }

    /// <summary>The names in the order first seen; names seen in the same sample in alphabetical order.</summary>
    private static IEnumerable<string> Ordered(List<string> order, IEnumerable<string> names)
    {
        order.AddRange(names.Except(order).Order(StringComparer.Ordinal));
        return order.Where(names.Contains);
    }

    private static string Cut(string line, int width) =>
        line.Length <= width ? line : width <= 1 ? line[..Math.Max(0, width)] : string.Concat(line.AsSpan(0, width - 1), "…");

    private static string Clock(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
}
