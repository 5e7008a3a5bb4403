using OcppLab.Simulator.Fleet.Reports;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Cuts the run into windows of a fixed length for the report's time series: at each window's end it takes the
/// gauges and the memory, and the differences of the cumulative counters, histograms and CPU times since the previous
/// window, so the percentiles and the CPU are those of the window and not of the run so far. The fleet's process is
/// read here; the embedded Central System's, when there is one, through <paramref name="centralSystem"/>.
/// </summary>
public sealed class TimeSeriesRecorder(FleetMetrics metrics, TimeSpan interval, Func<ProcessUsage?>? centralSystem = null)
{
    private readonly Lock sync = new();
    private readonly List<TimeWindow> windows = [];
    private readonly Dictionary<string, long[]> lastHistograms = new(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, long> lastErrors = new Dictionary<string, long>(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, long> lastInbound = new Dictionary<string, long>(StringComparer.Ordinal);
    private double lastEnd;
    private long lastCalls;
    private long lastAnswers;
    private TimeSpan lastCpu = ProcessUsage.Now().CpuTime;
    private TimeSpan? lastCentralSystemCpu = centralSystem?.Invoke()?.CpuTime;

    /// <summary>The window length.</summary>
    public TimeSpan Interval { get; } = interval;

    /// <summary>The windows so far.</summary>
    public IReadOnlyList<TimeWindow> Windows
    {
        get
        {
            lock (sync)
            {
                return [.. windows];
            }
        }
    }

    /// <summary>When the next window is due, in seconds from the start.</summary>
    public double NextDueSeconds
    {
        get
        {
            lock (sync)
            {
                return lastEnd + Interval.TotalSeconds;
            }
        }
    }

    /// <summary>Closes the window ending <paramref name="elapsedSeconds"/> after the start.</summary>
    public TimeWindow Record(double elapsedSeconds, FleetGauges gauges, bool stopping)
    {
        lock (sync)
        {
            var seconds = Math.Max(1e-3, elapsedSeconds - lastEnd);
            var calls = metrics.CallsOut;
            var answers = metrics.Answers;
            var latency = new List<WindowLatency>();
            foreach (var (action, figures) in metrics.Actions.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                var now = figures.Latency.Snapshot();
                var window = (long[])now.Clone();
                if (lastHistograms.TryGetValue(action, out var before))
                {
                    for (var i = 0; i < window.Length; i++)
                    {
                        window[i] -= before[i];
                    }
                }

                lastHistograms[action] = now;
                var count = window.Sum();
                if (count > 0)
                {
                    latency.Add(WindowLatency.Of(action, window));
                }
            }

            var errors = metrics.Errors;
            var inbound = metrics.CallsInByAction;
            var usage = ProcessUsage.Now();
            var other = centralSystem?.Invoke();
            var sample = new TimeWindow(
                Math.Round(lastEnd, 1),
                Math.Round(elapsedSeconds, 1),
                gauges.Powered,
                gauges.Connected,
                gauges.Booted,
                gauges.Charging,
                gauges.Queued,
                Math.Round((calls - lastCalls) / seconds, 2),
                Math.Round((answers - lastAnswers) / seconds, 2),
                latency,
                Since(errors, lastErrors),
                Since(inbound, lastInbound),
                stopping)
            {
                RssBytes = usage.RssBytes,
                CpuPercent = Percent(usage.CpuTime - lastCpu, seconds),
                CentralSystemRssBytes = other?.RssBytes,
                CentralSystemCpuPercent = other is { } cs && lastCentralSystemCpu is { } earlier ? Percent(cs.CpuTime - earlier, seconds) : null,
            };
            windows.Add(sample);
            lastCpu = usage.CpuTime;
            lastCentralSystemCpu = other?.CpuTime ?? lastCentralSystemCpu;
            (lastEnd, lastCalls, lastAnswers, lastErrors, lastInbound) = (elapsedSeconds, calls, answers, errors, inbound);
            return sample;
        }
    }

    private static double Percent(TimeSpan cpu, double seconds) => Math.Round(100 * cpu.TotalSeconds / seconds, 1);

    private static Dictionary<string, long> Since(IReadOnlyDictionary<string, long> now, IReadOnlyDictionary<string, long> before) =>
        now.Select(e => (e.Key, Value: e.Value - before.GetValueOrDefault(e.Key)))
            .Where(e => e.Value > 0)
            .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
}
