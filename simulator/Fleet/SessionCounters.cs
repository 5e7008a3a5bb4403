namespace OcppLab.Simulator.Fleet;

/// <summary>Counts of the session arrival process over the whole fleet (interlocked: connectors run on any thread).</summary>
public sealed class SessionCounters
{
    private long arrivals;
    private long started;
    private long completed;
    private long refused;
    private long skipped;
    private long failed;
    private long remoteStarted;
    private long remoteEnded;

    /// <summary>EVs that arrived.</summary>
    public long Arrivals => Interlocked.Read(ref arrivals);

    /// <summary>Sessions whose card was accepted (a transaction started).</summary>
    public long Started => Interlocked.Read(ref started);

    /// <summary>Sessions that ended with the card presented again and the cable pulled.</summary>
    public long Completed => Interlocked.Read(ref completed);

    /// <summary>Arrivals whose card was not accepted.</summary>
    public long Refused => Interlocked.Read(ref refused);

    /// <summary>Arrivals at a charge point that was not connected and accepted.</summary>
    public long Skipped => Interlocked.Read(ref skipped);

    /// <summary>Arrivals or departures that threw (e.g. the connection dropped during the Authorize).</summary>
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Sessions the Central System started (RemoteStartTransaction, then the driver plugged in); also counted in <see cref="Started"/>.</summary>
    public long RemoteStarted => Interlocked.Read(ref remoteStarted);

    /// <summary>Sessions the Central System ended (RemoteStopTransaction or UnlockConnector, then the driver unplugged); also counted in <see cref="Completed"/>.</summary>
    public long RemoteEnded => Interlocked.Read(ref remoteEnded);

    /// <summary>Sessions running now.</summary>
    public long Active => Started - Completed;

    internal void Arrived() => Interlocked.Increment(ref arrivals);

    internal void Start() => Interlocked.Increment(ref started);

    internal void Complete() => Interlocked.Increment(ref completed);

    internal void Refuse() => Interlocked.Increment(ref refused);

    internal void Skip() => Interlocked.Increment(ref skipped);

    internal void Fail() => Interlocked.Increment(ref failed);

    internal void RemoteStart() => Interlocked.Increment(ref remoteStarted);

    internal void RemoteEnd() => Interlocked.Increment(ref remoteEnded);
}
