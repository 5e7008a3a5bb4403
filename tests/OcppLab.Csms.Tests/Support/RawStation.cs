using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace OcppLab.Csms.Tests.Support;

/// <summary>
/// A station that speaks raw bytes: it sends any frame, well-formed or not, and reads back exactly what
/// the Central System answers, so tests can check the wire rather than a library's view of it.
/// </summary>
public sealed class RawStation : IAsyncDisposable
{
    private readonly WebSocket socket;
    private readonly byte[] buffer = new byte[64 * 1024];

    private RawStation(WebSocket socket) => this.socket = socket;

    /// <summary>The close status the Central System sent, once it closed.</summary>
    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    /// <summary>Connects <paramref name="id"/> with the ocpp1.6 subprotocol.</summary>
    public static async Task<RawStation> ConnectAsync(CsmsFactory csms, string id)
    {
        var client = csms.Server.CreateWebSocketClient();
        client.SubProtocols.Add("ocpp1.6");
        return new RawStation(await client.ConnectAsync(new Uri(csms.OcppBaseUri, id), CancellationToken.None));
    }

    /// <summary>Sends a text frame.</summary>
    public Task SendTextAsync(string text) => SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text);

    /// <summary>Sends raw bytes as one message.</summary>
    public async Task SendAsync(byte[] bytes, WebSocketMessageType type = WebSocketMessageType.Text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.SendAsync(bytes, type, endOfMessage: true, timeout.Token);
    }

    /// <summary>Receives the next message as a JSON array, or null when the Central System closed the connection.</summary>
    public async Task<JsonElement?> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token) is var r
                ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage)
                : throw new InvalidOperationException();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
        }
        while (!result.EndOfMessage);

        return JsonDocument.Parse(buffer.AsMemory(0, length)).RootElement.Clone();
    }

    /// <summary>
    /// Sends a Heartbeat with <paramref name="marker"/> as its id and returns every frame received before
    /// its answer: a way to prove that nothing answered the frames sent just before it.
    /// </summary>
    public async Task<List<JsonElement>> DrainUntilHeartbeatAnswerAsync(string marker)
    {
        await SendTextAsync($$"""[2,"{{marker}}","Heartbeat",{}]""");
        var before = new List<JsonElement>();
        while (await ReceiveAsync() is { } frame)
        {
            if (frame[1].GetString() == marker)
            {
                return before;
            }

            before.Add(frame);
        }

        throw new InvalidOperationException($"The connection closed before the answer to {marker}; received before it: {string.Join(", ", before)}");
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }

        socket.Dispose();
    }
}
