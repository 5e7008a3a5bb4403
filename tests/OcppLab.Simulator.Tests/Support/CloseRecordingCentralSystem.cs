using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// A bare Central System over Kestrel that answers the Core calls with fixed accepted answers and records how
/// each WebSocket ended: the close status the charge point sent, or "aborted" when the connection dropped
/// without a close handshake (what a Central System logs when a load tool exits too early).
/// </summary>
internal sealed class CloseRecordingCentralSystem : IAsyncDisposable
{
    public const string Aborted = "aborted";

    private readonly WebApplication app;
    private int transactionId;

    private CloseRecordingCentralSystem(WebApplication app) => this.app = app;

    /// <summary>How each connection ended, in the order they ended: a close status like "NormalClosure", or <see cref="Aborted"/>.</summary>
    public ConcurrentQueue<string> Endings { get; } = new();

    /// <summary>The actions received, in order.</summary>
    public ConcurrentQueue<string> Actions { get; } = new();

    public Uri OcppUrl { get; private set; } = null!;

    public static async Task<CloseRecordingCentralSystem> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var cs = new CloseRecordingCentralSystem(app);
        app.UseWebSockets();
        app.Map("/ocpp/{id}", cs.AcceptAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        cs.OcppUrl = new UriBuilder(address) { Scheme = "ws", Path = "/ocpp" }.Uri;
        return cs;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync("ocpp1.6");
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Endings.Enqueue(result.CloseStatus?.ToString() ?? "no status");
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                if (Answer(buffer.AsSpan(0, length)) is { } answer)
                {
                    await socket.SendAsync(Encoding.UTF8.GetBytes(answer), WebSocketMessageType.Text, true, CancellationToken.None);
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException)
        {
            Endings.Enqueue(Aborted);
        }
    }

    private string? Answer(ReadOnlySpan<byte> frame)
    {
        using var json = JsonDocument.Parse(frame.ToArray());
        var call = json.RootElement;
        if (call[0].GetInt32() != 2)
        {
            return null;
        }

        var id = call[1].GetString();
        var action = call[2].GetString()!;
        Actions.Enqueue(action);
        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var payload = action switch
        {
            "BootNotification" => $$"""{"status":"Accepted","currentTime":"{{now}}","interval":300}""",
            "Heartbeat" => $$"""{"currentTime":"{{now}}"}""",
            "Authorize" => """{"idTagInfo":{"status":"Accepted"}}""",
            "StartTransaction" => "{\"transactionId\":" + Interlocked.Increment(ref transactionId).ToString(CultureInfo.InvariantCulture) + ",\"idTagInfo\":{\"status\":\"Accepted\"}}",
            _ => "{}",
        };
        return $$"""[3,"{{id}}",{{payload}}]""";
    }
}
