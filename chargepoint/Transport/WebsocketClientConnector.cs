using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OcppLab.Protocol.Rpc;
using Websocket.Client;

namespace OcppLab.ChargePoint.Transport;

/// <summary>
/// Carries an endpoint over a <see cref="WebsocketClient"/>. The client's own reconnection is switched off:
/// the charge point reconnects itself with back-off on its scheduler, and every connection gets a fresh
/// endpoint so that a call pending on a lost connection fails instead of being answered by the next one.
/// </summary>
public sealed class WebsocketClientConnector : IOcppConnector
{
    private readonly ConnectionSettings settings;
    private readonly Func<Uri, CancellationToken, Task<WebSocket>> socketFactory;

    /// <summary>Creates a connector; <paramref name="socketFactory"/> opens the socket (see <see cref="WebSocketFactory"/>).</summary>
    public WebsocketClientConnector(ConnectionSettings settings, Func<Uri, CancellationToken, Task<WebSocket>> socketFactory)
    {
        this.settings = settings;
        this.socketFactory = socketFactory;
    }

    /// <inheritdoc/>
    public async Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var client = new WebsocketClient(settings.EndpointFor(chargePointId), NullLogger<WebsocketClient>.Instance, socketFactory)
        {
            IsReconnectionEnabled = false,
            ReconnectTimeout = null,
            ErrorReconnectTimeout = null,
            LostReconnectTimeout = null,
            ConnectTimeout = settings.ConnectTimeout,
            Name = chargePointId,
        };
        var connection = new Connection(client, endpoint);
        try
        {
            await client.StartOrFail().WaitAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection.Pump();
        return connection;
    }

    private sealed class Connection : IOcppConnection
    {
        private readonly WebsocketClient client;
        private readonly OcppRpcEndpoint endpoint;
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly IDisposable received;
        private readonly IDisposable lost;
        private readonly CancellationTokenSource stop = new();
        private Task sending = Task.CompletedTask;

        public Connection(WebsocketClient client, OcppRpcEndpoint endpoint)
        {
            this.client = client;
            this.endpoint = endpoint;
            received = client.MessageReceived.Subscribe(OnMessage);
            lost = client.DisconnectionHappened.Subscribe(_ => closed.TrySetResult());
        }

        public Task Closed => closed.Task;

        public void Pump()
        {
            sending = SendLoopAsync();
            _ = CloseWhenAskedAsync();
        }

        /// <summary>The endpoint asks for a close (1002 protocol error, 1009 too big; OCPP-J 1.6 §4.1.4).</summary>
        private async Task CloseWhenAskedAsync()
        {
            var request = await endpoint.CloseRequested;

            // What was queued before the close (e.g. Reset.conf) goes out first: the send loop ends once drained.
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
            }

            await client.Stop((WebSocketCloseStatus)request.Status, request.Reason);
            closed.TrySetResult();
        }

        public async Task CloseAsync(CancellationToken cancellationToken)
        {
            // The endpoint is closed first, so the send loop ends once what was queued (e.g. a Reset.conf) is handed over.
            endpoint.Close();
            await sending.WaitAsync(cancellationToken);
            await client.Stop(WebSocketCloseStatus.NormalClosure, "closed by the charge point").WaitAsync(cancellationToken);
            closed.TrySetResult();
        }

        public async ValueTask DisposeAsync()
        {
            closed.TrySetResult();
            await stop.CancelAsync();
            received.Dispose();
            lost.Dispose();
            endpoint.Close();
            try
            {
                await sending;
            }
            catch (OperationCanceledException)
            {
            }

            client.Dispose();
            stop.Dispose();
        }

        private void OnMessage(ResponseMessage message)
        {
            if (message.MessageType == WebSocketMessageType.Text && message.Text is not null)
            {
                endpoint.Receive(Encoding.UTF8.GetBytes(message.Text));
            }
            else
            {
                endpoint.ReceiveNonText(message.Binary ?? []);
            }
        }

        private async Task SendLoopAsync()
        {
            await foreach (var frame in endpoint.Outbound.ReadAllAsync(stop.Token))
            {
                // Written before the next frame is taken, so a close after the loop ends (e.g. after Reset.conf)
                // cannot overtake a frame still waiting in the client's own queue.
                await client.SendInstant(Encoding.UTF8.GetString(frame));
            }
        }
    }
}
