using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>The figures of one fleet run, as written to JSON, Markdown and HTML. Times are in milliseconds.</summary>
public sealed record FleetReport
{
    public required DateTimeOffset StartedAt { get; init; }

    public required double DurationSeconds { get; init; }

    public required string CentralSystem { get; init; }

    public required bool EmbeddedCentralSystem { get; init; }

    /// <summary>The Security Whitepaper profile the charge points started on: TLS (2 and 3) weighs on connect times.</summary>
    public int SecurityProfile { get; init; }

    public required string Shard { get; init; }

    public required int FleetChargers { get; init; }

    public required int ShardChargers { get; init; }

    public required int ConnectorsPerCharger { get; init; }

    public required double RampPerSecond { get; init; }

    public required long Seed { get; init; }

    public required string Machine { get; init; }

    public required long CallsSent { get; init; }

    public required long Answers { get; init; }

    public required long CallsReceived { get; init; }

    public required double MeanCallsPerSecond { get; init; }

    public required double PeakCallsPerSecond { get; init; }

    public required IReadOnlyList<LatencySummary> Actions { get; init; }

    public required LatencySummary ConnectTime { get; init; }

    public required LatencySummary BootTime { get; init; }

    public required IReadOnlyDictionary<string, long> Errors { get; init; }

    public required SessionSummary Sessions { get; init; }

    /// <summary>Memory and CPU of the fleet's process: the charge points alone, also when the Central System is embedded.</summary>
    public required ProcessSummary Process { get; init; }

    /// <summary>Memory and CPU of the embedded Central System's own process; null against another Central System (<c>--csms</c>).</summary>
    public ProcessSummary? CentralSystemProcess { get; init; }

    public required IReadOnlyList<ThroughputSample> TimeSeries { get; init; }

    /// <summary>Charge points powered on at least once in this run (the base of <c>connected</c> and <c>booted</c> in %).</summary>
    public long ChargersPoweredOn { get; init; }

    /// <summary>Charge points that opened a connection at least once.</summary>
    public long ChargersConnected { get; init; }

    /// <summary>Charge points that got a BootNotification accepted at least once.</summary>
    public long ChargersBooted { get; init; }

    /// <summary>The command line of the run, as typed (secrets masked).</summary>
    public string? CommandLine { get; init; }

    /// <summary>The scenario file and its text, when the run played one.</summary>
    public string? Scenario { get; init; }

    /// <summary>The time series, one window per <see cref="WindowSeconds"/>.</summary>
    public IReadOnlyList<TimeWindow> Windows { get; init; } = [];

    /// <summary>The length of a window of <see cref="Windows"/>.</summary>
    public double WindowSeconds { get; init; }

    /// <summary>When the start-up (the first stage, or the ramp) ended, from the start.</summary>
    public double StartupSeconds { get; init; }

    /// <summary>Every threshold's verdict, in the order given.</summary>
    public IReadOnlyList<ThresholdVerdict> Thresholds { get; init; } = [];

    /// <summary>The firmware campaigns' UpdateFirmwares and the FirmwareStatusNotifications answering them; null when there was none.</summary>
    public FirmwareSummary? Firmware { get; init; }
}

/// <summary>
/// A firmware campaign's outcome: <paramref name="Requested"/> UpdateFirmwares asked of the Central System,
/// <paramref name="NotSent"/> of them it could not deliver, and the charge points' FirmwareStatusNotifications by status.
/// </summary>
public sealed record FirmwareSummary(long Requested, long NotSent, IReadOnlyDictionary<string, long> Statuses)
{
    /// <summary>Charge points of a campaign still unanswered when the run ended it (not asked, or the answer not in).</summary>
    public long CutShort { get; init; }

    /// <summary>The statuses in the order a charge point goes through them (OCPP 1.6 §7.25), then any other.</summary>
    public IEnumerable<KeyValuePair<string, long>> InOrder =>
        Statuses.OrderBy(s => Array.IndexOf(Order, s.Key) is var i and >= 0 ? i : Order.Length).ThenBy(s => s.Key, StringComparer.Ordinal);

    /// <summary>One line: "5 asked, 0 not sent; Downloading 5, Downloaded 5, ...".</summary>
    public string Describe() =>
        $"{Requested} UpdateFirmware asked of the Central System, {NotSent} not sent{(CutShort > 0 ? $", {CutShort} cut short by the end of the run" : string.Empty)}; FirmwareStatusNotification: {(Statuses.Count == 0 ? "none" : string.Join(", ", InOrder.Select(s => $"{s.Key} {s.Value}")))}";

    private static readonly string[] Order = ["Downloading", "Downloaded", "DownloadFailed", "Installing", "Installed", "InstallationFailed", "Idle"];
}

/// <summary>
/// Latency of one action (or of connecting, or booting), with the histogram's non-empty buckets and the sum of the
/// values: what <c>fleet merge</c> adds up, so the percentiles of merged shards are those of one run.
/// </summary>
public sealed record LatencySummary(string Name, long Count, double P50Ms, double P95Ms, double P99Ms, double MaxMs, double MeanMs, IReadOnlyList<HistogramBucket> Buckets)
{
    /// <summary>The sum of the values, in ms.</summary>
    public double SumMs { get; init; }

    /// <summary>Summarizes a histogram.</summary>
    public static LatencySummary From(string name, LatencyHistogram histogram)
    {
        ArgumentNullException.ThrowIfNull(histogram);
        return FromBuckets(name, histogram.Snapshot(), histogram.MaxMicroseconds, histogram.SumMicroseconds);
    }

    /// <summary>Summarizes bucket counts (<see cref="LatencyHistogram.Snapshot"/>, or a sum of them) with the largest value and the sum, in µs.</summary>
    public static LatencySummary FromBuckets(string name, long[] snapshot, long maxMicroseconds, long sumMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var count = snapshot.Sum();
        long Percentile(double p) => Math.Min(LatencyHistogram.PercentileOf(snapshot, p), maxMicroseconds);
        return new LatencySummary(
            name,
            count,
            Ms(Percentile(50)),
            Ms(Percentile(95)),
            Ms(Percentile(99)),
            Ms(maxMicroseconds),
            count == 0 ? 0 : Math.Round((double)sumMicroseconds / count / 1000, 3),
            HistogramBucket.Of(snapshot))
        {
            SumMs = Ms(sumMicroseconds),
        };
    }

    /// <summary>The bucket counts back from <see cref="Buckets"/>.</summary>
    public long[] Snapshot() => HistogramBucket.ToSnapshot(Buckets);

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 3);
}

/// <summary>Values from <see cref="FromMs"/> (inclusive) to <see cref="ToMs"/> (exclusive): one bucket of <see cref="LatencyHistogram"/>, whose bounds are whole µs.</summary>
public sealed record HistogramBucket(double FromMs, double ToMs, long Count)
{
    /// <summary>The non-empty buckets of a snapshot.</summary>
    public static IReadOnlyList<HistogramBucket> Of(long[] snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var buckets = new List<HistogramBucket>();
        for (var i = 0; i < snapshot.Length; i++)
        {
            if (snapshot[i] > 0)
            {
                var to = i + 1 < snapshot.Length ? LatencyHistogram.LowerBound(i + 1) : LatencyHistogram.LowerBound(i) * 2;
                buckets.Add(new HistogramBucket(LatencyHistogram.LowerBound(i) / 1000.0, to / 1000.0, snapshot[i]));
            }
        }

        return buckets;
    }

    /// <summary>The snapshot the buckets came from.</summary>
    public static long[] ToSnapshot(IEnumerable<HistogramBucket> buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        var snapshot = new long[LatencyHistogram.BucketCount];
        foreach (var bucket in buckets)
        {
            snapshot[LatencyHistogram.IndexOf((long)Math.Round(bucket.FromMs * 1000))] += bucket.Count;
        }

        return snapshot;
    }
}

/// <summary>The session arrival process's counts.</summary>
public sealed record SessionSummary(long Arrivals, long Started, long Completed, long Refused, long Skipped, long Failed);

/// <summary>Memory and CPU of one process: the fleet's, or the embedded Central System's.</summary>
public sealed record ProcessSummary(long PeakRssBytes, long FinalRssBytes, double CpuSeconds, double RssPerChargerKiB, int ProcessorCount, string Note);
