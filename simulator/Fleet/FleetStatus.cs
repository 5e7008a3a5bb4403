namespace OcppLab.Simulator.Fleet;

/// <summary>What the live view shows: one snapshot of the run.</summary>
public sealed record FleetStatus(
    TimeSpan Elapsed,
    TimeSpan? Duration,
    string Shard,
    string CentralSystem,
    int ShardChargers,
    FleetGauges Gauges,
    ThroughputSample? Sample,
    SessionCounters Sessions,
    IReadOnlyDictionary<string, ActionMetrics> Actions,
    IReadOnlyDictionary<string, long> Errors,
    TimeSpan CpuTime)
{
    /// <summary>The embedded Central System's process: its memory and CPU, apart from the fleet's; null without one.</summary>
    public ProcessUsage? CentralSystemProcess { get; init; }
}
