using System.Globalization;
using System.Text;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The terminal view of a running fleet. On a terminal the block is redrawn in place about once a second
/// (cursor up, clear to end); when the output is a file or a pipe, one summary line every ten seconds, so
/// logs stay readable; with --quiet, nothing.
/// </summary>
public sealed class LiveView(TextWriter output, bool terminal, bool quiet)
{
    private static readonly TimeSpan LineEvery = TimeSpan.FromSeconds(10);
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

        var block = Render(status);
        var text = new StringBuilder();
        if (drawnLines > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\u001b[{drawnLines}F\u001b[J");
        }

        text.Append(block);
        output.Write(text.ToString());
        output.Flush();
        drawnLines = block.Count(ch => ch == '\n');
    }

    /// <summary>The one-line summary (used off a terminal, and at the end).</summary>
    public static string SummaryLine(FleetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var g = status.Gauges;
        var s = status.Sample;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{Clock(status.Elapsed)} started {g.Started}/{status.ShardChargers} connected {g.Connected} booted {g.Booted} charging {g.Charging} calls/s {s?.CallsPerSecond ?? 0:0} errors {s?.Errors ?? 0} sessions {status.Sessions.Started}/{status.Sessions.Completed}");
    }

    /// <summary>The full block.</summary>
    public static string Render(FleetStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var c = CultureInfo.InvariantCulture;
        var g = status.Gauges;
        var s = status.Sample;
        var text = new StringBuilder();
        var until = status.Duration is { } d ? " / " + Clock(d) : " (Ctrl+C to stop)";
        text.AppendLine(c, $"OcppLab fleet  {Clock(status.Elapsed)}{until}  shard {status.Shard}  -> {status.CentralSystem}");
        text.AppendLine(c, $"charge points  {g.Started,6} started {g.Connected,6} connected {g.Booted,6} booted   of {status.ShardChargers}");
        text.AppendLine(c, $"connectors     {g.Charging,6} charging  sessions {status.Sessions.Started} started {status.Sessions.Completed} done {status.Sessions.Refused} refused  queued tx msgs {g.Queued}");
        text.AppendLine(c, $"traffic        {s?.CallsPerSecond ?? 0,8:0.0} calls/s {s?.AnswersPerSecond ?? 0,8:0.0} answers/s   errors {s?.Errors ?? 0}");
        text.AppendLine(c, $"process        RSS {(s?.RssBytes ?? 0) / 1048576.0:0.0} MiB   CPU {status.CpuTime.TotalSeconds:0.0} s");
        text.AppendLine(c, $"{"action",-28}{"calls",10}{"p50 ms",10}{"p99 ms",10}{"max ms",10}");
        foreach (var (name, action) in status.Actions.OrderByDescending(a => a.Value.Calls).Take(12))
        {
            var h = action.Latency;
            text.AppendLine(c, $"{name,-28}{action.Calls,10}{h.PercentileMicroseconds(50) / 1000.0,10:0.00}{h.PercentileMicroseconds(99) / 1000.0,10:0.00}{h.MaxMicroseconds / 1000.0,10:0.0}");
        }

        foreach (var (kind, count) in status.Errors.OrderByDescending(e => e.Value).Take(5))
        {
            text.AppendLine(c, $"  error: {kind} x{count}");
        }

        return text.ToString();
    }

    private static string Clock(TimeSpan t) => t.ToString(t.TotalHours >= 1 ? @"h\:mm\:ss" : @"mm\:ss", CultureInfo.InvariantCulture);
}
