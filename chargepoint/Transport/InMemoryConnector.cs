using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Transport;

/// <summary>
/// Connects a charge point's endpoint to a Central System endpoint in the same process through two
/// in-memory queues, with no socket: for tests and for features that script the Central System.
/// </summary>
public sealed class InMemoryConnector : IOcppConnector
{
    private readonly Func<string, OcppRpcEndpoint> centralSystem;

    /// <summary>Creates a connector; <paramref name="centralSystem"/> makes the Central System's endpoint of one connection.</summary>
    public InMemoryConnector(Func<string, OcppRpcEndpoint> centralSystem) => this.centralSystem = centralSystem;

    /// <summary>When false, connection attempts fail as if the network were down.</summary>
    public bool Reachable { get; set; } = true;

    /// <summary>How many connections were opened.</summary>
    public int Connections { get; private set; }

    /// <inheritdoc/>
    public Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!Reachable)
        {
            throw new IOException("The Central System is unreachable.");
        }

        Connections++;
        var server = centralSystem(chargePointId);
        return Task.FromResult<IOcppConnection>(new Pipe(endpoint, server));
    }

    private sealed class Pipe : IOcppConnection
    {
        private readonly OcppRpcEndpoint client;
        private readonly OcppRpcEndpoint server;
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task upstream;
        private readonly Task downstream;

        public Pipe(OcppRpcEndpoint client, OcppRpcEndpoint server)
        {
            this.client = client;
            this.server = server;
            upstream = PumpAsync(client, server);
            downstream = PumpAsync(server, client);
            _ = client.CloseRequested.ContinueWith(_ => ShutdownAsync(client, upstream, server), TaskScheduler.Default).Unwrap();
            _ = server.CloseRequested.ContinueWith(_ => ShutdownAsync(server, downstream, client), TaskScheduler.Default).Unwrap();
        }

        public Task Closed => closed.Task;

        public Task CloseAsync(CancellationToken cancellationToken) => ShutdownAsync(client, upstream, server);

        public async ValueTask DisposeAsync()
        {
            await ShutdownAsync(client, upstream, server);
            await downstream;
        }

        private static async Task PumpAsync(OcppRpcEndpoint from, OcppRpcEndpoint to)
        {
            await foreach (var frame in from.Outbound.ReadAllAsync())
            {
                to.Receive(frame);
            }
        }

        /// <summary>A graceful close: what the closing side already queued still reaches the other side.</summary>
        private async Task ShutdownAsync(OcppRpcEndpoint closing, Task pump, OcppRpcEndpoint other)
        {
            closing.Close();
            await pump;
            other.Close();
            closed.TrySetResult();
        }
    }
}
