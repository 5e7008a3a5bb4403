namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>
/// One window of the report's time series (10 s by default): gauges and memory at its end, rates, latencies and CPU
/// within it; the fleet's process and the embedded Central System's apart.
/// </summary>
/// <param name="StartSeconds">Seconds from the start of the run to the start of the window.</param>
/// <param name="EndSeconds">Seconds from the start of the run to the end of the window.</param>
/// <param name="Powered">Charge points powered at the end.</param>
/// <param name="Connected">Charge points connected at the end.</param>
/// <param name="Booted">Charge points accepted at the end.</param>
/// <param name="Charging">Connectors with a transaction at the end.</param>
/// <param name="Queued">Transaction messages waiting for delivery at the end.</param>
/// <param name="CallsPerSecond">CALLs sent within the window, per second.</param>
/// <param name="AnswersPerSecond">CALLRESULTs and CALLERRORs received within the window, per second.</param>
/// <param name="Latency">Round trips of the answers received within the window, by action.</param>
/// <param name="Errors">Errors within the window, by kind (CALLERRORs by action and code).</param>
/// <param name="CentralSystemCalls">CALLs the Central System sent within the window, by action (each answered by the charge point).</param>
/// <param name="Stopping">Whether the run was stopping (sessions ending, connections closing) in this window.</param>
public sealed record TimeWindow(
    double StartSeconds,
    double EndSeconds,
    int Powered,
    int Connected,
    int Booted,
    int Charging,
    int Queued,
    double CallsPerSecond,
    double AnswersPerSecond,
    IReadOnlyList<WindowLatency> Latency,
    IReadOnlyDictionary<string, long> Errors,
    IReadOnlyDictionary<string, long> CentralSystemCalls,
    bool Stopping)
{
    /// <summary>Resident set size of the fleet's process at the end.</summary>
    public long RssBytes { get; init; }

    /// <summary>CPU time of the fleet's process within the window, in % of one CPU.</summary>
    public double CpuPercent { get; init; }

    /// <summary>Resident set size of the embedded Central System's process at the end; null without one.</summary>
    public long? CentralSystemRssBytes { get; init; }

    /// <summary>CPU time of the embedded Central System's process within the window, in % of one CPU; null without one.</summary>
    public double? CentralSystemCpuPercent { get; init; }
}

/// <summary>The round trips of one action's answers within a window, with the window's histogram buckets (for <c>fleet merge</c>).</summary>
public sealed record WindowLatency(string Action, long Count, double P50Ms, double P95Ms, double P99Ms)
{
    /// <summary>The window's non-empty histogram buckets.</summary>
    public IReadOnlyList<HistogramBucket> Buckets { get; init; } = [];

    /// <summary>The figures of a window's bucket counts.</summary>
    public static WindowLatency Of(string action, long[] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        static double Ms(long[] c, double p) => Math.Round(LatencyHistogram.PercentileOf(c, p) / 1000.0, 3);
        return new WindowLatency(action, counts.Sum(), Ms(counts, 50), Ms(counts, 95), Ms(counts, 99)) { Buckets = HistogramBucket.Of(counts) };
    }
}
