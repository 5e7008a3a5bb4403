using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace OcppLab.Bench;

/// <summary>
/// Latencies as <see cref="Stopwatch"/> ticks in a preallocated array: recording is one interlocked
/// increment and a store, so it never allocates or locks on the hot path. Past its capacity it counts
/// but stops storing (the count says so in the report).
/// </summary>
internal sealed class LatencyLog(int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private int count;

    public int Count => Math.Min(Volatile.Read(ref count), ticks.Length);

    public int Dropped => Math.Max(0, Volatile.Read(ref count) - ticks.Length);

    public void Record(long elapsedTicks)
    {
        var at = Interlocked.Increment(ref count) - 1;
        if (at < ticks.Length)
        {
            ticks[at] = elapsedTicks;
        }
    }

    /// <summary>p50, p95, p99, p99.9 and max in milliseconds (nearest rank); zeros when empty.</summary>
    public Percentiles Summarize()
    {
        var n = Count;
        if (n == 0)
        {
            return new Percentiles(0, 0, 0, 0, 0, 0);
        }

        var sorted = ticks.AsSpan(0, n).ToArray();
        Array.Sort(sorted);
        double At(double q) => ToMs(sorted[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)]);
        return new Percentiles(n, At(0.50), At(0.95), At(0.99), At(0.999), ToMs(sorted[^1]));
    }

    public static double ToMs(long stopwatchTicks) => stopwatchTicks * 1000.0 / Stopwatch.Frequency;
}

internal sealed record Percentiles(int Count, double P50, double P95, double P99, double P999, double Max);

/// <summary>Collects open-loop answers from every station.</summary>
internal sealed class OpenLoopSink(int capacity, int warmupCapacity, long measureFrom)
{
    private long ok;
    private long refused;
    private long callErrors;
    private long lost;
    private long warmupAnswers;

    /// <summary>From the intended send time: the latency a charge point would see (no coordinated omission).</summary>
    public LatencyLog FromIntended { get; } = new(capacity);

    /// <summary>From the moment the frame went out: the server's share alone.</summary>
    public LatencyLog FromSent { get; } = new(capacity);

    /// <summary>How late the generator sent against the schedule (its own timer and CPU).</summary>
    public LatencyLog SendLag { get; } = new(capacity);

    /// <summary>
    /// From the intended send time, for the warm-up calls: the seconds right after every station booted,
    /// when the server still collects what the connects left behind. Kept apart from the steady state.
    /// </summary>
    public LatencyLog AfterBoot { get; } = new(warmupCapacity);

    public long Ok => Interlocked.Read(ref ok);

    public long Refused => Interlocked.Read(ref refused);

    public long CallErrors => Interlocked.Read(ref callErrors);

    public long LostStations => Interlocked.Read(ref lost);

    public long Measured => Ok + Refused + CallErrors;

    public long WarmupAnswers => Interlocked.Read(ref warmupAnswers);

    public string? FirstLoss { get; private set; }

    public void Answered(long intended, long sent, long now, CallOutcome outcome)
    {
        if (intended < measureFrom)
        {
            Interlocked.Increment(ref warmupAnswers);
            AfterBoot.Record(now - intended);
            return;
        }

        FromIntended.Record(now - intended);
        FromSent.Record(now - sent);
        SendLag.Record(Math.Max(0, sent - intended));
        _ = outcome switch
        {
            CallOutcome.Ok => Interlocked.Increment(ref ok),
            CallOutcome.Refused => Interlocked.Increment(ref refused),
            _ => Interlocked.Increment(ref callErrors),
        };
    }

    public void Lost(string station, string why)
    {
        if (Interlocked.Increment(ref lost) == 1)
        {
            FirstLoss = $"{station}: {why}";
        }
    }
}

/// <summary>Reads a process's resident memory and CPU time from /proc (Linux only).</summary>
internal static partial class ProcStats
{
    private static readonly long ClockTicksPerSecond = ReadClockTicks();

    public readonly record struct Sample(long RssKiB, double CpuSeconds, int Threads, long At);

    public static Sample Read(int pid)
    {
        long rss = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line.AsSpan(8).Trim(), CultureInfo.InvariantCulture);
            }
        }

        // The command name in field 2 may contain spaces; fields are counted from after its ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');

        // After ')': state is field 3, so utime (14) and stime (15) are at 11 and 12.
        var ticks = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
        return new Sample(rss, (double)ticks / ClockTicksPerSecond, threads, Stopwatch.GetTimestamp());
    }

    public static bool Exists(int pid) => File.Exists($"/proc/{pid}/stat");

    /// <summary>The soft limit on open files of this process, from /proc/self/limits.</summary>
    public static long OpenFilesLimit()
    {
        foreach (var line in File.ReadLines("/proc/self/limits"))
        {
            if (line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields[0] == "unlimited" ? long.MaxValue : long.Parse(fields[0], CultureInfo.InvariantCulture);
            }
        }

        return 1024;
    }

    /// <summary>Sleeps for a number of microseconds: Thread.Sleep's 1 ms step is too coarse for a 2,000/s schedule.</summary>
    public static void SleepMicroseconds(uint microseconds) => _ = usleep(microseconds);

    private static long ReadClockTicks()
    {
        var ticks = sysconf(2); // _SC_CLK_TCK
        return ticks > 0 ? ticks : 100;
    }

    [LibraryImport("libc", SetLastError = false)]
    private static partial int usleep(uint usec);

    [LibraryImport("libc", SetLastError = false)]
    private static partial long sysconf(int name);
}
