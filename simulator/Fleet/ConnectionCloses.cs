using System.Collections.Concurrent;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Keeps every connection the fleet's charge points open, so that at the end the fleet can wait (bounded) until
/// each has finished its close: a Central System then sees a WebSocket close handshake (RFC 6455 §7, status
/// 1000) from every charge point instead of an aborted TCP connection when the process exits.
/// </summary>
public sealed class ConnectionCloses
{
    private readonly ConcurrentDictionary<Tracked, byte> open = new();
    private long handshakes;

    /// <summary>Connections closed from the fleet's side with the close handshake completed.</summary>
    public long Handshakes => Interlocked.Read(ref handshakes);

    /// <summary>Connections open now.</summary>
    public int Open => open.Count;

    /// <summary>A connector whose connections are tracked here.</summary>
    public IOcppConnector Track(IOcppConnector inner) => new Connector(this, inner);

    /// <summary>Waits until every connection is closed and disposed, or <paramref name="timeout"/>; returns how many were left open.</summary>
    public async Task<int> WhenClosedAsync(TimeSpan timeout, TimeProvider time)
    {
        var pending = open.Keys.Select(c => c.Done).ToArray();
        try
        {
            await Task.WhenAll(pending).WaitAsync(timeout, time);
        }
        catch (TimeoutException)
        {
        }

        return open.Count;
    }

    private sealed class Connector(ConnectionCloses owner, IOcppConnector inner) : IOcppConnector
    {
        public bool SendLoopOnlyWrites => inner.SendLoopOnlyWrites;

        public async Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
        {
            var tracked = new Tracked(owner, await inner.ConnectAsync(chargePointId, endpoint, cancellationToken));
            owner.open.TryAdd(tracked, 0);
            return tracked;
        }
    }

    private sealed class Tracked(ConnectionCloses owner, IOcppConnection connection) : IOcppConnection
    {
        private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Done => done.Task;

        public Task Closed => connection.Closed;

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            await connection.CloseAsync(cancellationToken);
            Interlocked.Increment(ref owner.handshakes);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await connection.DisposeAsync();
            }
            finally
            {
                owner.open.TryRemove(this, out _);
                done.TrySetResult();
            }
        }
    }
}
