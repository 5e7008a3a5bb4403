using System.Net.WebSockets;
using OcppLab.Simulator.Transport;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Opens the client WebSockets of the whole fleet. Plain ws:// connections are upgraded by
/// <see cref="WebSocketUpgrade"/>, which keeps no HTTP connection and its buffers behind each socket; wss://
/// ones go through one shared <see cref="SocketsHttpHandler"/>: without it each <see cref="ClientWebSocket"/>
/// builds a handler of its own, which is memory per charge point for nothing.
/// </summary>
public sealed class SharedSocketFactory : IDisposable
{
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(30),
    });

    /// <summary>The socket factory of one charge point (see <see cref="WebSocketFactory.Client(string, Func{string?}, Func{TimeSpan})"/>).</summary>
    public Func<Uri, CancellationToken, Task<WebSocket>> For(string chargePointId, Func<string?> basicAuthPassword, Func<TimeSpan> pingInterval) =>
        async (uri, cancellationToken) =>
        {
            if (uri.Scheme == "ws")
            {
                var authorization = basicAuthPassword() is { Length: > 0 } basic ? WebSocketFactory.BasicAuthorization(chargePointId, basic) : null;
                return await WebSocketUpgrade.ConnectAsync(uri, WebSocketFactory.SubProtocol, authorization, pingInterval(), cancellationToken);
            }

            var socket = new ClientWebSocket();
            try
            {
                socket.Options.AddSubProtocol(WebSocketFactory.SubProtocol);
                socket.Options.KeepAliveInterval = pingInterval();
                if (basicAuthPassword() is { Length: > 0 } password)
                {
                    socket.Options.SetRequestHeader("Authorization", WebSocketFactory.BasicAuthorization(chargePointId, password));
                }

                await socket.ConnectAsync(uri, invoker, cancellationToken);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <inheritdoc/>
    public void Dispose() => invoker.Dispose();
}
