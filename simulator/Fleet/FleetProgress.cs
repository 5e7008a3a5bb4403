using System.Diagnostics;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Samples the fleet about once a second: rates since the last sample, gauges, process usage (the fleet's, and the
/// embedded Central System's process when <paramref name="centralSystem"/> reads one). The live view, the Prometheus
/// endpoint and the report's time series all read the latest or all samples.
/// </summary>
public sealed class FleetProgress(Func<ProcessUsage?>? centralSystem = null)
{
    private readonly Lock sync = new();
    private readonly List<ThroughputSample> samples = [];
    private readonly long startedAt = Stopwatch.GetTimestamp();
    private long lastAt = Stopwatch.GetTimestamp();
    private long lastCalls;
    private long lastAnswers;

    /// <summary>The latest gauges.</summary>
    public FleetGauges Gauges { get; private set; }

    /// <summary>The latest sample; null before the first.</summary>
    public ThroughputSample? Latest { get; private set; }

    /// <summary>The highest resident set size seen.</summary>
    public long PeakRssBytes { get; private set; }

    /// <summary>The highest resident set size of the embedded Central System's process seen; null without one.</summary>
    public long? CentralSystemPeakRssBytes { get; private set; }

    /// <summary>
    /// The embedded Central System's process usage at the latest sample that found it running; null without one. The
    /// first is taken when the run starts, so a Central System that dies before the first periodic sample still has figures.
    /// </summary>
    public ProcessUsage? CentralSystemLatest { get; private set; } = centralSystem?.Invoke();

    /// <summary>Whether a sample found the embedded Central System's process ended.</summary>
    public bool CentralSystemEnded { get; private set; }

    /// <summary>The embedded Central System's process usage now; null without one, or once it has ended.</summary>
    public ProcessUsage? CentralSystemNow() => centralSystem?.Invoke();

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
        var other = CentralSystemNow();
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
                usage.RssBytes)
            {
                CentralSystemRssBytes = other?.RssBytes,
            };
            lastAt = now;
            lastCalls = calls;
            lastAnswers = answers;
            samples.Add(sample);
            Latest = sample;
            Gauges = gauges;
            PeakRssBytes = Math.Max(PeakRssBytes, usage.RssBytes);
            if (other is { } cs)
            {
                CentralSystemLatest = cs;
                CentralSystemPeakRssBytes = Math.Max(CentralSystemPeakRssBytes ?? 0, cs.RssBytes);
            }
            else if (centralSystem is not null)
            {
                CentralSystemEnded = true;
            }
            return sample;
        }
    }
}
