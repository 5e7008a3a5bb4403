using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Transport;

/// <summary>Connects one RPC endpoint to the Central System: one call per connection attempt.</summary>
public interface IOcppConnector
{
    /// <summary>Opens a connection that carries <paramref name="endpoint"/>; throws when the attempt fails.</summary>
    Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken);
}

/// <summary>One open connection.</summary>
public interface IOcppConnection : IAsyncDisposable
{
    /// <summary>Completes when the connection is lost or closed, by either side.</summary>
    Task Closed { get; }

    /// <summary>Closes the connection from the charge point's side.</summary>
    Task CloseAsync(CancellationToken cancellationToken);
}
