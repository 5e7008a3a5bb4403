using System.Globalization;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>
/// Combines the reports of the shards of one fleet (<c>--shard k/n</c>, one process or pod each) into the report of
/// the whole fleet: counts are added, histograms are added bucket by bucket and their percentiles read again, the
/// time series are added window by window (the shards started together, so window i covers the same span in each),
/// and the thresholds are judged again on the whole.
/// </summary>
public static class ReportMerge
{
    /// <summary>The report of the whole fleet; an <see cref="ArgumentException"/> names the report that does not belong.</summary>
    public static FleetReport Merge(IReadOnlyList<(string Name, FleetReport Report)> shards)
    {
        ArgumentNullException.ThrowIfNull(shards);
        if (shards.Count == 0)
        {
            throw new ArgumentException("no report to merge.");
        }

        Check(shards);
        var reports = shards.Select(s => s.Report).OrderBy(r => ShardNumber(r.Shard)).ToList();
        var first = reports[0];
        var duration = reports.Max(r => r.DurationSeconds);
        var calls = reports.Sum(r => r.CallsSent);
        var series = MergeSamples(reports.Select(r => r.TimeSeries).ToList());
        var merged = first with
        {
            StartedAt = reports.Min(r => r.StartedAt),
            DurationSeconds = duration,
            Shard = string.Join(", ", reports.Select(r => r.Shard)),
            ShardChargers = reports.Sum(r => r.ShardChargers),
            Machine = string.Join("; ", reports.Select(r => r.Machine).Distinct(StringComparer.Ordinal)),
            CallsSent = calls,
            Answers = reports.Sum(r => r.Answers),
            CallsReceived = reports.Sum(r => r.CallsReceived),
            MeanCallsPerSecond = duration > 0 ? Math.Round(calls / duration, 1) : 0,
            PeakCallsPerSecond = series.Count == 0 ? 0 : series.Max(s => s.CallsPerSecond),
            Actions = [.. reports.SelectMany(r => r.Actions).GroupBy(a => a.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => MergeLatency(g.Key, [.. g]))],
            ConnectTime = MergeLatency(first.ConnectTime.Name, [.. reports.Select(r => r.ConnectTime)]),
            BootTime = MergeLatency(first.BootTime.Name, [.. reports.Select(r => r.BootTime)]),
            Errors = Sum(reports.Select(r => r.Errors)),
            Sessions = new SessionSummary(
                reports.Sum(r => r.Sessions.Arrivals),
                reports.Sum(r => r.Sessions.Started),
                reports.Sum(r => r.Sessions.Completed),
                reports.Sum(r => r.Sessions.Refused),
                reports.Sum(r => r.Sessions.Skipped),
                reports.Sum(r => r.Sessions.Failed)),
            Process = MergeProcess(reports, r => r.Process),
            CentralSystemProcess = reports.All(r => r.CentralSystemProcess is not null) ? MergeProcess(reports, r => r.CentralSystemProcess!) : null,
            TimeSeries = series,
            ChargersPoweredOn = reports.Sum(r => r.ChargersPoweredOn),
            ChargersConnected = reports.Sum(r => r.ChargersConnected),
            ChargersBooted = reports.Sum(r => r.ChargersBooted),
            CommandLine = string.Join("\n", reports.Select(r => r.CommandLine).OfType<string>().Distinct(StringComparer.Ordinal)),
            Windows = MergeWindows(reports.Select(r => r.Windows).ToList()),
            Firmware = reports.Any(r => r.Firmware is not null)
                ? new FirmwareSummary(
                    reports.Sum(r => r.Firmware?.Requested ?? 0),
                    reports.Sum(r => r.Firmware?.NotSent ?? 0),
                    Sum(reports.Select(r => r.Firmware?.Statuses ?? new Dictionary<string, long>())))
                {
                    CutShort = reports.Sum(r => r.Firmware?.CutShort ?? 0),
                }
                : null,
            Thresholds = [],
        };
        var thresholds = first.Thresholds.Select(t => Threshold.Parse(t.Threshold));
        return merged with { Thresholds = [.. thresholds.Select(t => t.Evaluate(merged))] };
    }

    /// <summary>Adds latency summaries of one action bucket by bucket.</summary>
    public static LatencySummary MergeLatency(string name, IReadOnlyList<LatencySummary> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var snapshot = new long[LatencyHistogram.BucketCount];
        foreach (var part in parts)
        {
            var counts = part.Snapshot();
            for (var i = 0; i < snapshot.Length; i++)
            {
                snapshot[i] += counts[i];
            }
        }

        return LatencySummary.FromBuckets(
            name,
            snapshot,
            parts.Count == 0 ? 0 : (long)Math.Round(parts.Max(p => p.MaxMs) * 1000),
            (long)Math.Round(parts.Sum(p => p.SumMs) * 1000));
    }

    private static void Check(IReadOnlyList<(string Name, FleetReport Report)> shards)
    {
        var (name0, first) = shards[0];
        var count = ShardCount(first.Shard);
        foreach (var (name, report) in shards)
        {
            if (report.FleetChargers != first.FleetChargers || ShardCount(report.Shard) != count)
            {
                throw new ArgumentException($"{name}: shard {report.Shard} of a fleet of {report.FleetChargers} does not belong with {name0} (shard {first.Shard} of {first.FleetChargers}).");
            }

            if (!string.Equals(report.Scenario, first.Scenario, StringComparison.Ordinal) || report.Seed != first.Seed)
            {
                throw new ArgumentException($"{name}: ran another scenario or seed than {name0}; only shards of one run can be merged.");
            }
        }

        var twice = shards.GroupBy(s => s.Report.Shard, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"shard {twice.Key} is in {string.Join(" and ", twice.Select(s => s.Name))}: each shard once.");
        }
    }

    private static int ShardNumber(string shard) => int.Parse(shard.Split('/')[0], CultureInfo.InvariantCulture);

    private static int ShardCount(string shard) => shard.Split('/') is [_, var n] && int.TryParse(n, CultureInfo.InvariantCulture, out var count) ? count : 1;

    /// <summary>The sum of the shards' values, or null when a shard has none (no embedded Central System there).</summary>
    private static T? SumOrNull<T>(IEnumerable<T?> values)
        where T : struct, System.Numerics.INumber<T>
    {
        var sum = T.Zero;
        foreach (var value in values)
        {
            if (value is not { } v)
            {
                return null;
            }

            sum += v;
        }

        return sum;
    }

    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> parts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var part in parts)
        {
            foreach (var (key, value) in part)
            {
                sum[key] = sum.GetValueOrDefault(key) + value;
            }
        }

        return sum;
    }

    private static ProcessSummary MergeProcess(List<FleetReport> reports, Func<FleetReport, ProcessSummary> process)
    {
        var peak = reports.Sum(r => process(r).PeakRssBytes);
        var chargers = reports.Sum(r => r.ShardChargers);
        return new ProcessSummary(
            peak,
            reports.Sum(r => process(r).FinalRssBytes),
            Math.Round(reports.Sum(r => process(r).CpuSeconds), 2),
            chargers > 0 ? Math.Round(peak / 1024.0 / chargers, 1) : 0,
            reports.Sum(r => process(r).ProcessorCount),
            $"the sum over {reports.Count} shard processes (peaks added, as if they peaked together): {process(reports[0]).Note}");
    }

    private static List<ThroughputSample> MergeSamples(IReadOnlyList<IReadOnlyList<ThroughputSample>> parts)
    {
        var length = parts.Max(p => p.Count);
        var merged = new List<ThroughputSample>(length);
        for (var i = 0; i < length; i++)
        {
            var at = parts.Where(p => i < p.Count).Select(p => p[i]).ToList();
            merged.Add(new ThroughputSample(
                at.Max(s => s.ElapsedSeconds),
                Math.Round(at.Sum(s => s.CallsPerSecond), 2),
                Math.Round(at.Sum(s => s.AnswersPerSecond), 2),
                at.Sum(s => s.Connected),
                at.Sum(s => s.Booted),
                at.Sum(s => s.Charging),
                at.Sum(s => s.Errors),
                at.Sum(s => s.RssBytes))
            {
                CentralSystemRssBytes = SumOrNull(at.Select(s => s.CentralSystemRssBytes)),
            });
        }

        return merged;
    }

    private static List<TimeWindow> MergeWindows(IReadOnlyList<IReadOnlyList<TimeWindow>> parts)
    {
        var length = parts.Max(p => p.Count);
        var merged = new List<TimeWindow>(length);
        for (var i = 0; i < length; i++)
        {
            var at = parts.Where(p => i < p.Count).Select(p => p[i]).ToList();
            var latency = at.SelectMany(w => w.Latency).GroupBy(l => l.Action, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var counts = HistogramBucket.ToSnapshot(g.SelectMany(l => l.Buckets));
                return WindowLatency.Of(g.Key, counts);
            });
            merged.Add(new TimeWindow(
                at.Min(w => w.StartSeconds),
                at.Max(w => w.EndSeconds),
                at.Sum(w => w.Powered),
                at.Sum(w => w.Connected),
                at.Sum(w => w.Booted),
                at.Sum(w => w.Charging),
                at.Sum(w => w.Queued),
                Math.Round(at.Sum(w => w.CallsPerSecond), 2),
                Math.Round(at.Sum(w => w.AnswersPerSecond), 2),
                [.. latency],
                Sum(at.Select(w => w.Errors)),
                Sum(at.Select(w => w.CentralSystemCalls)),
                at.Any(w => w.Stopping))
            {
                RssBytes = at.Sum(w => w.RssBytes),
                CpuPercent = Math.Round(at.Sum(w => w.CpuPercent), 1),
                CentralSystemRssBytes = SumOrNull(at.Select(w => w.CentralSystemRssBytes)),
                CentralSystemCpuPercent = SumOrNull(at.Select(w => w.CentralSystemCpuPercent)) is { } cpu ? Math.Round(cpu, 1) : null,
            });
        }

        return merged;
    }
}
