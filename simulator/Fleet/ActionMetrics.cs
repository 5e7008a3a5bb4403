namespace OcppLab.Simulator.Fleet;

/// <summary>One action's calls and round trips.</summary>
public sealed class ActionMetrics
{
    private long sent;

    /// <summary>CALLs of the action sent.</summary>
    public long Calls => Interlocked.Read(ref sent);

    /// <summary>Round trips of the answers.</summary>
    public LatencyHistogram Latency { get; } = new();

    internal void Sent() => Interlocked.Increment(ref sent);
}
