using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Tests.Transport;

/// <summary>
/// The fleet's own opening handshake (RFC 6455 §4.1) against a raw TCP server that answers as the test
/// says, so every check of the server's answer is seen to pass and to fail.
/// </summary>
public sealed class WebSocketUpgradeTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    [Test]
    public async Task The_request_carries_the_subprotocol_and_credentials_and_a_frame_sent_with_the_101_is_received()
    {
        await using var server = RawServer.Start();
        var serving = server.AnswerAsync(async (request, stream) =>
        {
            // The first frame in the same write as the 101: the bytes read past the head must not be lost.
            var frame = Encoding.UTF8.GetBytes("[2,\"1\",\"Heartbeat\",{}]");
            var answer = Encoding.ASCII.GetBytes(SwitchingProtocols(request.Key, "ocpp1.6"));
            await stream.WriteAsync(answer.Concat(new byte[] { 0x81, (byte)frame.Length }).Concat(frame).ToArray());
            using var socket = WebSocket.CreateFromStream(stream, new WebSocketCreationOptions { IsServer = true });
            var buffer = new byte[256];
            var received = await socket.ReceiveAsync(buffer, CancellationToken.None);
            return Encoding.UTF8.GetString(buffer, 0, received.Count);
        });

        using var client = await WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1?x=1"), "ocpp1.6", "Basic Q1AtMTpzZWNyZXQ=", TimeSpan.Zero, null, Timeout());
        var inbound = new byte[256];
        var first = await client.ReceiveAsync(inbound, Timeout());
        await client.SendAsync("[3,\"1\",{}]"u8.ToArray(), WebSocketMessageType.Text, true, Timeout());

        Assert.That(client.SubProtocol, Is.EqualTo("ocpp1.6"));
        Assert.That(Encoding.UTF8.GetString(inbound, 0, first.Count), Is.EqualTo("[2,\"1\",\"Heartbeat\",{}]"));
        Assert.That(await serving.WaitAsync(Limit), Is.EqualTo("[3,\"1\",{}]"));
        var request = server.Requests.Single();
        Assert.That(request.Line, Is.EqualTo("GET /ocpp/CP-1?x=1 HTTP/1.1"));
        Assert.That(request.Headers["Sec-WebSocket-Protocol"], Is.EqualTo("ocpp1.6"));
        Assert.That(request.Headers["Sec-WebSocket-Version"], Is.EqualTo("13"));
        Assert.That(request.Headers["Authorization"], Is.EqualTo("Basic Q1AtMTpzZWNyZXQ="));
        Assert.That(Convert.FromBase64String(request.Key), Has.Length.EqualTo(16));
    }

    [Test]
    public async Task A_refused_upgrade_names_the_status_the_server_returned()
    {
        await using var server = RawServer.Start();
        _ = server.AnswerAsync(async (_, stream) =>
        {
            await stream.WriteAsync("HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n"u8.ToArray());
            return string.Empty;
        });

        var error = Assert.ThrowsAsync<WebSocketException>(() => WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));

        Assert.That(error!.WebSocketErrorCode, Is.EqualTo(WebSocketError.NotAWebSocket));
        Assert.That(error.Message, Does.Contain("'401'"));
        Assert.That(server.Requests.Single().Headers.ContainsKey("Authorization"), Is.False);
    }

    [Test]
    public async Task An_accept_that_does_not_match_the_key_fails_the_connection()
    {
        await using var server = RawServer.Start();
        _ = server.AnswerAsync(async (_, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(SwitchingProtocols(Convert.ToBase64String(new byte[16]), "ocpp1.6")));
            return string.Empty;
        });

        var error = Assert.ThrowsAsync<WebSocketException>(() => WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));

        Assert.That(error!.WebSocketErrorCode, Is.EqualTo(WebSocketError.HeaderError));
        Assert.That(error.Message, Does.Contain("Sec-WebSocket-Accept"));
    }

    [Test]
    public async Task A_subprotocol_that_was_not_requested_fails_the_connection_and_none_at_all_is_accepted()
    {
        await using var server = RawServer.Start();
        _ = server.AnswerAsync(async (request, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(SwitchingProtocols(request.Key, "ocpp2.0.1")));
            return string.Empty;
        });

        var error = Assert.ThrowsAsync<WebSocketException>(() => WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));
        Assert.That(error!.WebSocketErrorCode, Is.EqualTo(WebSocketError.UnsupportedProtocol));

        _ = server.AnswerAsync(async (request, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(SwitchingProtocols(request.Key, null)));
            return string.Empty;
        });
        using var client = await WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout());
        Assert.That(client.SubProtocol, Is.Null);
        Assert.That(client.State, Is.EqualTo(WebSocketState.Open));
    }

    [Test]
    public async Task A_server_that_hangs_up_during_the_handshake_or_answers_without_Upgrade_is_refused()
    {
        await using var server = RawServer.Start();
        _ = server.AnswerAsync((_, stream) =>
        {
            stream.Socket.Shutdown(SocketShutdown.Send);
            return Task.FromResult(string.Empty);
        });
        var hungUp = Assert.ThrowsAsync<WebSocketException>(() => WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));
        Assert.That(hungUp!.WebSocketErrorCode, Is.EqualTo(WebSocketError.ConnectionClosedPrematurely));

        _ = server.AnswerAsync(async (request, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(SwitchingProtocols(request.Key, "ocpp1.6").Replace("Upgrade: websocket\r\n", string.Empty, StringComparison.Ordinal)));
            return string.Empty;
        });
        var noUpgrade = Assert.ThrowsAsync<WebSocketException>(() => WebSocketUpgrade.ConnectAsync(server.Url("/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));
        Assert.That(noUpgrade!.WebSocketErrorCode, Is.EqualTo(WebSocketError.HeaderError));
    }

    [Test]
    public async Task A_server_that_never_answers_the_upgrade_fails_the_attempt_at_the_connect_timeout()
    {
        await using var server = RawServer.Start();
        var silent = new TaskCompletionSource();
        _ = server.AnswerAsync(async (_, _) =>
        {
            await silent.Task;
            return string.Empty;
        });
        var connector = new WebSocketConnector(
            new ConnectionSettings { CentralSystemUrl = server.Url("/ocpp"), ConnectTimeout = TimeSpan.FromSeconds(1) },
            SecureWebSocketFactory.Client(() => TransportSecurity.None("CP-SILENT"), () => TimeSpan.Zero));
        await using var endpoint = new OcppRpcEndpoint("CP-SILENT", new NoCalls());

        var attempt = connector.ConnectAsync("CP-SILENT", endpoint, CancellationToken.None);

        var error = Assert.ThrowsAsync<TimeoutException>(async () => await attempt.WaitAsync(Limit), "the attempt ends by itself, well before the test's limit");
        Assert.That(error!.Message, Does.Contain("not open after 1 s"));
        silent.SetResult();
    }

    [Test]
    public void Only_ws_and_wss_urls_are_upgraded()
    {
        var error = Assert.ThrowsAsync<ArgumentException>(() => WebSocketUpgrade.ConnectAsync(new Uri("http://127.0.0.1:1/ocpp/CP-1"), "ocpp1.6", null, TimeSpan.Zero, null, Timeout()));

        Assert.That(error!.Message, Does.Contain("http://127.0.0.1:1/ocpp/CP-1"));
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Limit).Token;

    private static string SwitchingProtocols(string key, string? subProtocol)
    {
        // RFC 6455 §4.2.2 fixes SHA-1 for the accept value.
#pragma warning disable CA5350
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
        var protocol = subProtocol is null ? string.Empty : $"Sec-WebSocket-Protocol: {subProtocol}\r\n";
        return $"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n{protocol}\r\n";
    }

    /// <summary>The charge point's side of calls it never gets: the connection under test is not established.</summary>
    private sealed class NoCalls : IOcppCallDispatcher
    {
        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no call was expected");
    }

    /// <summary>One opening-handshake request as the server read it.</summary>
    private sealed record Request(string Line, IReadOnlyDictionary<string, string> Headers)
    {
        public string Key => Headers["Sec-WebSocket-Key"];
    }

    /// <summary>A loopback TCP listener that reads each request head and lets the test write the answer.</summary>
    private sealed class RawServer : IAsyncDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<Request> requests = [];

        public IReadOnlyList<Request> Requests
        {
            get
            {
                lock (requests)
                {
                    return [.. requests];
                }
            }
        }

        public static RawServer Start()
        {
            var server = new RawServer();
            server.listener.Start();
            return server;
        }

        public Uri Url(string pathAndQuery) => new($"ws://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{pathAndQuery}");

        /// <summary>Accepts the next connection, reads its request head, then runs <paramref name="answer"/>.</summary>
        public async Task<string> AnswerAsync(Func<Request, NetworkStream, Task<string>> answer)
        {
            using var socket = await listener.AcceptSocketAsync();
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(one) == 1)
            {
                head.Append((char)one[0]);
            }

            var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var request = new Request(lines[0], lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim()));
            lock (requests)
            {
                requests.Add(request);
            }

            return await answer(request, stream);
        }

        public ValueTask DisposeAsync()
        {
            listener.Stop();
            listener.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
