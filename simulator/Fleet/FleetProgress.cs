using System.Diagnostics;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Samples the fleet about once a second: rates since the last sample, gauges, process usage. The live
/// view, the Prometheus endpoint and the report's time series all read the latest or all samples.
/// </summary>
public sealed class FleetProgress
{
    private readonly Lock sync = new();
    private readonly List<ThroughputSample> samples = [];
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private long lastAt;
    private long lastCalls;
    private long lastAnswers;

    public FleetProgress() => lastAt = startedAt;

    /// <summary>The latest gauges.</summary>
    public FleetGauges Gauges { get; private set; }

    /// <summary>The latest sample; null before the first.</summary>
    public ThroughputSample? Latest { get; private set; }

    /// <summary>The highest resident set size seen.</summary>
    public long PeakRssBytes { get; private set; }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(startedAt);

    /// <summary>Every sample so far.</summary>
    public IReadOnlyList<ThroughputSample> Samples
    {
        get
        {
            lock (sync)
            {
                return [.. samples];
            }
        }
    }

    /// <summary>Takes a sample.</summary>
    public ThroughputSample Sample(FleetGauges gauges, FleetMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var now = Stopwatch.GetTimestamp();
        var usage = ProcessUsage.Now();
        lock (sync)
        {
            var seconds = Math.Max(1e-3, Stopwatch.GetElapsedTime(lastAt, now).TotalSeconds);
            var calls = metrics.CallsOut;
            var answers = metrics.Answers;
            var sample = new ThroughputSample(
                Math.Round(Stopwatch.GetElapsedTime(startedAt, now).TotalSeconds, 1),
                Math.Round((calls - lastCalls) / seconds, 1),
                Math.Round((answers - lastAnswers) / seconds, 1),
                gauges.Connected,
                gauges.Booted,
                gauges.Charging,
                metrics.ErrorTotal,
                usage.RssBytes);
            lastAt = now;
            lastCalls = calls;
            lastAnswers = answers;
            samples.Add(sample);
            Latest = sample;
            Gauges = gauges;
            PeakRssBytes = Math.Max(PeakRssBytes, usage.RssBytes);
            return sample;
        }
    }
}
