using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>
/// A raw WebSocket to a test server that sends anything and reads whole messages back, for hosts built
/// with <c>WithWebHostBuilder</c> (which <see cref="Support.RawStation"/> does not take).
/// </summary>
internal sealed class FuzzConnection : IAsyncDisposable
{
    private readonly WebSocket socket;
    private readonly byte[] buffer = new byte[256 * 1024];

    private FuzzConnection(WebSocket socket) => this.socket = socket;

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public static async Task<FuzzConnection> ConnectAsync(TestServer server, string id)
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add("ocpp1.6");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return new FuzzConnection(await client.ConnectAsync(new Uri(server.BaseAddress, "/ocpp/" + id), timeout.Token));
    }

    /// <summary>Sends one message; false when the Central System has already closed the connection.</summary>
    public async Task<bool> TrySendAsync(byte[] bytes, WebSocketMessageType type)
    {
        if (socket.State != WebSocketState.Open)
        {
            return false;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    /// <summary>Whether the connection ended without a close frame from the Central System.</summary>
    public bool Aborted { get; private set; }

    /// <summary>The next whole message (type and bytes), or null once the Central System closed the connection.</summary>
    public async Task<(WebSocketMessageType Type, byte[] Bytes)?> ReceiveAsync()
    {
        try
        {
            return await ReceiveOrThrowAsync();
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or IOException)
        {
            Aborted = true;
            return null;
        }
    }

    private async Task<(WebSocketMessageType Type, byte[] Bytes)?> ReceiveOrThrowAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseAsync();
                return null;
            }

            length += result.Count;
        }
        while (!result.EndOfMessage);

        return (result.MessageType, buffer[..length]);
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        socket.Dispose();
    }

    private async Task CloseAsync()
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // Answer the close at once, so the server does not wait for it (RFC 6455 §5.5.1).
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The test server's socket reports a peer that is already gone this way.
        }
    }
}
