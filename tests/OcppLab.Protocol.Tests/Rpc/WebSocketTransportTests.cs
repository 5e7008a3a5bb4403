using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// WebSocketTransport over a real loopback pair: a TCP connection on 127.0.0.1 with a WebSocket made from each
/// end's stream (no HTTP upgrade needed). The endpoint's side runs the transport; the test drives the peer's side.
/// </summary>
[TestFixture]
public sealed class WebSocketTransportTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly List<IDisposable> disposables = [];
    private FakeTimeProvider time = null!;
    private WebSocket server = null!;
    private WebSocket peer = null!;

    [SetUp]
    public async Task SetUp()
    {
        time = new FakeTimeProvider(Noon);
        (server, peer) = await ConnectAsync();
    }

    [TearDown]
    public void TearDown()
    {
        peer.Dispose();
        server.Dispose();
        for (var i = disposables.Count - 1; i >= 0; i--)
        {
            disposables[i].Dispose();
        }

        disposables.Clear();
    }

    [Test]
    public async Task A_text_frame_reaches_the_endpoint_and_its_answer_comes_back_as_text()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync("""[2,"t-1","Heartbeat",{}]""");
        var answer = await ReceiveAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Type, Is.EqualTo(WebSocketMessageType.Text));
            Assert.That(answer.Text, Is.EqualTo("""[3,"t-1",{"currentTime":"2026-01-31T12:00:00.000Z"}]"""));
        }

        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task A_fragmented_message_is_reassembled_before_the_endpoint_reads_it()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendFragmentsAsync(WebSocketMessageType.Text, """[2,"f-1",""", "\"Authorize\",{\"idT", """ag":"TAG-1"}]""");
        var answer = await ReceiveAsync();

        Assert.That(answer.Text, Is.EqualTo("""[3,"f-1",{"idTagInfo":{"status":"Accepted"}}]"""));
        Assert.That(endpoint.BadFrames, Is.Zero);
        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task A_message_larger_than_the_receive_buffer_is_reassembled_from_many_fragments()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);
        var data = new string('d', 50_000);
        var frame = $$"""[2,"big","DataTransfer",{"vendorId":"com.ocpplab","data":"{{data}}"}]""";

        await SendFragmentsAsync(WebSocketMessageType.Text, [.. frame.Chunk(1000).Select(c => new string(c))]);
        var answer = await ReceiveAsync();

        Assert.That(answer.Text, Is.EqualTo("""[3,"big",{"status":"Accepted","data":"50000"}]"""));
        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task Small_large_and_small_messages_in_a_row_each_reach_the_endpoint_whole()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);
        string[] sizes = ["a", new string('b', 300), new string('c', 5_000), new string('d', 40_000), "e", new string('f', 255)];

        var answers = new List<string>();
        foreach (var (data, i) in sizes.Select((d, i) => (d, i)))
        {
            var frame = $$"""[2,"m-{{i}}","DataTransfer",{"vendorId":"com.ocpplab","data":"{{data}}"}]""";
            await peer.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).Guarded();
            answers.Add((await ReceiveAsync()).Text);
        }

        Assert.That(answers, Is.EqualTo(sizes.Select((d, i) => $$"""[3,"m-{{i}}",{"status":"Accepted","data":"{{d.Length}}"}]""")));
        Assert.That(endpoint.BadFrames, Is.Zero);
        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task A_binary_message_is_dropped_and_counted()
    {
        var observer = new RecordingObserver();
        await using var endpoint = Endpoint(observer: observer);
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendFragmentsAsync(WebSocketMessageType.Binary, """[2,"b-1","Heartbeat",{}]""");
        await SendTextAsync("""[2,"t-2","Heartbeat",{}]""");
        var answer = await ReceiveAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Text, Does.StartWith("""[3,"t-2","""), "the binary message got no answer; the next text one did");
            Assert.That(endpoint.BadFrames, Is.EqualTo(1));
            Assert.That(observer.Events[0].Fault, Is.Not.Null);
            Assert.That(observer.Events[0].MessageId, Is.Null);
        }

        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task A_message_larger_than_MaxFrameBytes_ends_the_transport_with_1009_and_closes_the_endpoint()
    {
        await using var endpoint = Endpoint(new OcppRpcOptions { MaxFrameBytes = 1024 });
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync(Oversize);
        _ = await CloseHandshakeAsync(run);
        var end = await run.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end.Reason, Is.EqualTo(TransportEndReason.EndpointClosed));
            Assert.That(end.CloseStatus, Is.EqualTo(1009));
            Assert.That(endpoint.BadFrames, Is.EqualTo(1));
            Assert.That(endpoint.IsClosed, Is.True);
        }
    }

    [Test]
    public async Task A_message_larger_than_MaxFrameBytes_sends_the_peer_a_close_frame_with_1009()
    {
        await using var endpoint = Endpoint(new OcppRpcOptions { MaxFrameBytes = 1024 });
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync(Oversize);
        var seen = await CloseHandshakeAsync(run);
        await run.Guarded();

        Assert.That(seen, Is.EqualTo("Close MessageTooBig"));
    }

    [Test]
    public async Task A_message_of_exactly_MaxFrameBytes_is_read()
    {
        var frame = """[2,"x-1","Heartbeat",{}]""";
        await using var endpoint = Endpoint(new OcppRpcOptions { MaxFrameBytes = Encoding.UTF8.GetByteCount(frame) });
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync(frame);
        var answer = await ReceiveAsync();

        Assert.That(answer.Text, Does.StartWith("""[3,"x-1","""));
        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None).Guarded();
        await run.Guarded();
    }

    [Test]
    public async Task Too_many_bad_frames_in_a_row_close_the_connection_with_1002()
    {
        await using var endpoint = Endpoint(new OcppRpcOptions { MaxConsecutiveBadFrames = 2 });
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync("garbage");
        await SendTextAsync("more garbage");
        var seen = await CloseHandshakeAsync(run);
        var end = await run.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end, Is.EqualTo(new TransportEnd(TransportEndReason.EndpointClosed, 1002, "2 bad frames in a row.")));
            Assert.That(seen, Is.EqualTo("Close ProtocolError"));
        }
    }

    [Test]
    public async Task The_peer_closing_ends_RunAsync_with_PeerClosed_and_fails_the_pending_call()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        var call = endpoint.CallAsync(new ClearCacheRequest());
        var sent = await ReceiveAsync();
        await peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).Guarded();
        var end = await run.Guarded();
        var closeEcho = await ReceiveAsync();

        Assert.ThrowsAsync<OcppDisconnectedException>(async () => await call.Guarded());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Text, Does.Contain("\"ClearCache\""));
            Assert.That(end, Is.EqualTo(new TransportEnd(TransportEndReason.PeerClosed, 1000, "bye")));
            Assert.That(endpoint.IsClosed, Is.True);
            Assert.That(closeEcho.Type, Is.EqualTo(WebSocketMessageType.Close), "the close is answered");
        }
    }

    [Test]
    public async Task Closing_the_endpoint_closes_the_connection_with_1000()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        endpoint.Close();
        var seen = await CloseHandshakeAsync(run);
        var end = await run.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end, Is.EqualTo(new TransportEnd(TransportEndReason.EndpointClosed, 1000, "closed")));
            Assert.That(seen, Is.EqualTo("Close NormalClosure"));
        }
    }

    [Test]
    public async Task A_frame_queued_before_the_endpoint_closes_is_written_before_the_close_frame()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        // The CALL is in the send queue when the close is asked for, as a Reset.conf is when a charge point reboots.
        var call = endpoint.CallAsync(new ClearCacheRequest());
        endpoint.Close();
        var first = await ReceiveAsync();
        var seen = await CloseHandshakeAsync(run);

        Assert.ThrowsAsync<OcppDisconnectedException>(async () => await call.Guarded());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Text, Does.Contain("\"ClearCache\""));
            Assert.That(seen, Is.EqualTo("Close NormalClosure"));
        }
    }

    [Test]
    public async Task Closing_the_endpoint_while_a_handler_runs_closes_the_connection_with_1000()
    {
        // The handler's cancellation callback runs inside Close(). Holding Close() there until the transport has
        // finished or the peer has seen the close shows that the close is requested before the send loop stops;
        // when it was not, the send loop ended first and the connection dropped without a close frame.
        Task? transportOrPeerDone = null;
        var dispatcher = new HoldingDispatcher(() => transportOrPeerDone!);
        await using var endpoint = new OcppRpcEndpoint("CP-1", dispatcher, timeProvider: time);
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);

        await SendTextAsync("""[2,"h-1","Heartbeat",{}]""");
        await dispatcher.Dispatching.Guarded();
        var handshake = CloseHandshakeAsync(run);
        transportOrPeerDone = Task.WhenAny(run, handshake);
        endpoint.Close();
        var seen = await handshake.Guarded();
        var end = await run.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(end, Is.EqualTo(new TransportEnd(TransportEndReason.EndpointClosed, 1000, "closed")));
            Assert.That(seen, Is.EqualTo("Close NormalClosure"));
        }
    }

    [Test]
    public async Task Cancelling_RunAsync_ends_it_and_closes_the_endpoint()
    {
        await using var endpoint = Endpoint();
        using var stop = new CancellationTokenSource();
        var run = WebSocketTransport.RunAsync(server, endpoint, stop.Token);

        await stop.CancelAsync();
        await run.Guarded();

        Assert.That(endpoint.IsClosed, Is.True);
    }

    [Test]
    public async Task A_socket_aborted_under_the_transport_reports_Faulted_not_Cancelled()
    {
        await using var endpoint = Endpoint();
        var run = WebSocketTransport.RunAsync(server, endpoint, CancellationToken.None);
        await SendTextAsync("""[2,"t-1","Heartbeat",{}]""");
        await ReceiveAsync();

        server.Abort();
        var end = await run.Guarded();

        Assert.That(end.Reason, Is.EqualTo(TransportEndReason.Faulted));
        Assert.That(endpoint.IsClosed, Is.True);
    }

    [Test]
    public async Task Cancelling_RunAsync_reports_Cancelled()
    {
        await using var endpoint = Endpoint();
        using var stop = new CancellationTokenSource();
        var run = WebSocketTransport.RunAsync(server, endpoint, stop.Token);

        await stop.CancelAsync();
        var end = await run.Guarded();

        Assert.That(end, Is.EqualTo(new TransportEnd(TransportEndReason.Cancelled, null, null)));
    }

    private OcppRpcEndpoint Endpoint(OcppRpcOptions? options = null, IFrameObserver? observer = null)
    {
        var router = new OcppRouter<string>()
            .Map<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = time.GetUtcNow() }))
            .Map<AuthorizeRequest, AuthorizeResponse>((_, _, _) => ValueTask.FromResult(new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }))
            .Map<DataTransferRequest, DataTransferResponse>((_, request, _) =>
                ValueTask.FromResult(new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = (request.Data?.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return new OcppRpcEndpoint("CP-1", router.Bind("CP-1"), options, time, observer);
    }

    /// <summary>
    /// Holds every CALL until the endpoint's lifetime ends; when it does, the cancellation callback (which runs inside
    /// Close()) waits for the given task (at most a second) before letting Close() go on.
    /// </summary>
    private sealed class HoldingDispatcher(Func<Task> transport) : IOcppCallDispatcher
    {
        private readonly TaskCompletionSource dispatching = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Dispatching => dispatching.Task;

        public async ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = cancellationToken.Register(() =>
            {
                _ = transport().Wait(TimeSpan.FromSeconds(1));
                released.TrySetResult();
            });
            dispatching.TrySetResult();
            await released.Task;
            throw new OperationCanceledException(cancellationToken);
        }
    }

    private static string Oversize => $$"""[2,"o-1","DataTransfer",{"vendorId":"v","data":"{{new string('d', 5000)}}"}]""";

    /// <summary>A connected pair: the side the transport runs on, and the peer the test drives.</summary>
    private async Task<(WebSocket Side, WebSocket Peer)> ConnectAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepting = listener.AcceptTcpClientAsync();
        var client = new TcpClient();
        disposables.Add(client);
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port).Guarded();
        var accepted = await accepting.Guarded();
        disposables.Add(accepted);
        listener.Stop();

        var side = WebSocket.CreateFromStream(accepted.GetStream(), new WebSocketCreationOptions { IsServer = true, SubProtocol = "ocpp1.6", KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var other = WebSocket.CreateFromStream(client.GetStream(), new WebSocketCreationOptions { IsServer = false, SubProtocol = "ocpp1.6", KeepAliveInterval = Timeout.InfiniteTimeSpan });
        disposables.Add(side);
        disposables.Add(other);
        return (side, other);
    }

    private Task SendTextAsync(string text) => SendFragmentsAsync(WebSocketMessageType.Text, text);

    private async Task SendFragmentsAsync(WebSocketMessageType type, params string[] fragments)
    {
        for (var i = 0; i < fragments.Length; i++)
        {
            await peer.SendAsync(Encoding.UTF8.GetBytes(fragments[i]), type, endOfMessage: i == fragments.Length - 1, CancellationToken.None).Guarded();
        }
    }

    private Task<(WebSocketMessageType Type, string Text)> ReceiveAsync() => ReceiveAsync(peer);

    /// <summary>
    /// Plays a well-behaved peer: reads until the close frame, answers it (RFC 6455 §5.5.1), and says what it saw:
    /// "Close &lt;status&gt;", or the error when the connection dropped without a close frame. Once
    /// <paramref name="run"/> has returned it disposes the transport's socket, as the host would, which ends the TCP
    /// connection that the peer (the client role) waits for after the handshake.
    /// </summary>
    private async Task<string> CloseHandshakeAsync(Task run)
    {
        try
        {
            while (true)
            {
                var message = await ReceiveAsync();
                if (message.Type == WebSocketMessageType.Close)
                {
                    var status = peer.CloseStatus;
                    var answer = peer.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    await run.Guarded();
                    server.Dispose();
                    await answer.Guarded();
                    return $"Close {status}";
                }
            }
        }
        catch (WebSocketException e)
        {
            return e.WebSocketErrorCode.ToString();
        }
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(WebSocket from)
    {
        var buffer = new byte[4096];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await from.ReceiveAsync(buffer, CancellationToken.None).Guarded();
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (result.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }
}
