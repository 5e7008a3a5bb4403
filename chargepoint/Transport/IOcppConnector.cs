using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Transport;

/// <summary>Connects one RPC endpoint to the Central System: one call per connection attempt.</summary>
public interface IOcppConnector
{
    /// <summary>Opens a connection that carries <paramref name="endpoint"/>; throws when the attempt fails.</summary>
    Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken);

    /// <summary>
    /// Whether the connections' send loop does nothing but write frames to a socket, so that the endpoint may run it
    /// on the thread that queues a frame (<see cref="OcppRpcOptions.SendInline"/>). False unless a connector says so:
    /// a send loop that hands the frame to another endpoint in the same process must not run on the sender's thread.
    /// </summary>
    bool SendLoopOnlyWrites => false;
}

/// <summary>One open connection.</summary>
public interface IOcppConnection : IAsyncDisposable
{
    /// <summary>Completes when the connection is lost or closed, by either side.</summary>
    Task Closed { get; }

    /// <summary>Closes the connection from the charge point's side.</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
