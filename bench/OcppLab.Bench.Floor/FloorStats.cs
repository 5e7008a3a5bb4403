namespace OcppLab.Bench.Floor;

/// <summary>Counters read by the bench scripts on SIGUSR2, in the shape ocpp-rpc-csms.mjs prints.</summary>
internal sealed class FloorStats
{
    private int connected;
    private long calls;

    public void Connected() => Interlocked.Increment(ref connected);

    public void Disconnected() => Interlocked.Decrement(ref connected);

    public void Answered() => Interlocked.Increment(ref calls);

    public string ToJson() =>
        $$"""{"event":"stats","connected":{{Volatile.Read(ref connected)}},"calls":{{Interlocked.Read(ref calls)}}}""";
}
