using System.Net.WebSockets;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Transport;

/// <summary>
/// Carries an endpoint over a WebSocket with the transport the Central System uses too
/// (<see cref="WebSocketTransport"/>): frames go between the socket and the endpoint as UTF-8 bytes.
/// The connector does not reconnect: the charge point does, with back-off on its scheduler, and every
/// connection gets a fresh endpoint so that a call pending on a lost connection fails instead of being
/// answered by the next one.
/// </summary>
public sealed class WebSocketConnector : IOcppConnector
{
    private readonly ConnectionSettings settings;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> socketFactory;

    /// <summary>
    /// Creates a connector; <paramref name="socketFactory"/> opens the socket (see <see cref="WebSocketFactory"/>
    /// and <see cref="Security.SecureWebSocketFactory"/>).
    /// </summary>
    public WebSocketConnector(ConnectionSettings settings, Func<Uri, CancellationToken, Task<WebSocket>> socketFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(socketFactory);
        this.settings = settings;
        this.socketFactory = socketFactory;
    }

    /// <summary>The send loop is <see cref="WebSocketTransport"/>'s, which only writes each frame to the socket.</summary>
    public bool SendLoopOnlyWrites => true;

    /// <inheritdoc/>
    public async Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var url = settings.EndpointFor(chargePointId);
        WebSocket socket;
        using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            attempt.CancelAfter(settings.ConnectTimeout);
            try
            {
                socket = await socketFactory(url, attempt.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (attempt.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"The connection to {url} was not open after {settings.ConnectTimeout.TotalSeconds:0.#} s.");
            }
        }

        return new Connection(socket, endpoint);
    }

    private sealed class Connection : IOcppConnection
    {
        private readonly WebSocket socket;
        private readonly OcppRpcEndpoint endpoint;
        private readonly Task<TransportEnd> run;

        public Connection(WebSocket socket, OcppRpcEndpoint endpoint)
        {
            this.socket = socket;
            this.endpoint = endpoint;

            // The transport's loops run on the thread pool, not on the caller's context (a charge point's serial
            // scheduler): their continuations are socket I/O, and a close must finish while that scheduler is
            // stopped or waits for virtual time. Started without the context, so no await inside captures it.
            // No cancellation source per connection: DisposeAsync aborts the socket, which ends the transport.
            var context = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(null);
            try
            {
                run = WebSocketTransport.RunAsync(socket, endpoint, CancellationToken.None);
            }
            finally
            {
                SynchronizationContext.SetSynchronizationContext(context);
            }
        }

        public Task Closed => run;

        /// <summary>
        /// The close handshake (RFC 6455 §7.1.2): the endpoint's close makes the transport write what was queued
        /// before it (e.g. a Reset.conf), send a close frame and wait briefly for the Central System's.
        /// </summary>
        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            endpoint.Close();
            await run.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        public async ValueTask DisposeAsync()
        {
            endpoint.Close();
            if (!run.IsCompleted)
            {
                socket.Abort();
            }

            await run.ConfigureAwait(false);
            socket.Dispose();
        }
    }
}
