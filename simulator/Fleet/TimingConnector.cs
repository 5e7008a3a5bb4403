using System.Diagnostics;
using System.Net.WebSockets;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Fleet;

/// <summary>Times every connection attempt of the connector it wraps and counts failures by kind.</summary>
internal sealed class TimingConnector(IOcppConnector inner, FleetMetrics metrics) : IOcppConnector
{
    public bool SendLoopOnlyWrites => inner.SendLoopOnlyWrites;

    public async Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var connection = await inner.ConnectAsync(chargePointId, endpoint, cancellationToken);
            metrics.ConnectTime.Record(Stopwatch.GetElapsedTime(started));
            return connection;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.Error("connect failed: " + KindOf(e));
            throw;
        }
    }

    /// <summary>A short, bounded name for a connection failure (it becomes a metric label).</summary>
    private static string KindOf(Exception e)
    {
        var root = e;
        while (root.InnerException is not null && root is not WebSocketException and not System.Net.Sockets.SocketException)
        {
            root = root.InnerException;
        }

        return root switch
        {
            System.Net.Sockets.SocketException s => s.SocketErrorCode.ToString(),
            WebSocketException w when w.InnerException is System.Net.Sockets.SocketException s => s.SocketErrorCode.ToString(),
            WebSocketException w => w.WebSocketErrorCode.ToString(),
            TimeoutException or TaskCanceledException => "timeout",
            _ => root.GetType().Name,
        };
    }
}
