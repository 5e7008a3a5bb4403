using System.Buffers.Text;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace OcppLab.Bench;

/// <summary>What a station asks.</summary>
internal enum CallKind
{
    BootNotification,
    Heartbeat,
    Authorize,
}

/// <summary>How a call ended.</summary>
internal enum CallOutcome
{
    /// <summary>A CALLRESULT with the expected status.</summary>
    Ok,

    /// <summary>A CALLRESULT whose status was not the one expected (e.g. Authorize not Accepted).</summary>
    Refused,

    /// <summary>A CALLERROR.</summary>
    CallError,
}

/// <summary>
/// One virtual charge point on one raw WebSocket. Frames are written by hand into a reused buffer and
/// answers are read with a <see cref="Utf8JsonReader"/> over a reused buffer: the generator runs on
/// the same cores as the server under test, so each call must cost it next to nothing.
/// </summary>
internal sealed class Station : IDisposable
{
    private static readonly byte[] CallPrefix = "[2,\""u8.ToArray();
    private static readonly byte[] BootTail = "\",\"BootNotification\",{\"chargePointVendor\":\"OcppLab\",\"chargePointModel\":\"Bench\"}]"u8.ToArray();
    private static readonly byte[] HeartbeatTail = "\",\"Heartbeat\",{}]"u8.ToArray();
    private static readonly byte[] AuthorizeTail = "\",\"Authorize\",{\"idTag\":\"VALID001\"}]"u8.ToArray();
    private static readonly byte[] Accepted = "\"Accepted\""u8.ToArray();

    private readonly ClientWebSocket socket = new();
    private readonly byte[] sendBuffer = new byte[160];
    private readonly byte[] receiveBuffer = new byte[1024];
    private readonly Lock sync = new();
    private readonly Queue<long> backlog = new();
    private int sequence;
    private int pendingSequence = -1;
    private CallKind pendingKind;

    // Open loop: the intended send time of the outstanding Authorize and when it actually went out.
    private long intendedAt;
    private long sentAt;
    private bool busy;

    public Station(string id)
    {
        Id = id;
        socket.Options.AddSubProtocol("ocpp1.6");

        // No client pings: the servers' own keep-alive (if any) is what is being measured.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.SetBuffer(1024, 256);
    }

    public string Id { get; }

    public bool IsOpen => socket.State == WebSocketState.Open;

    /// <summary>CALLs the server sent us; none are expected in these scenarios, so they are counted and left unanswered.</summary>
    public int ServerCalls { get; private set; }

    /// <summary>Answers whose id matched no outstanding call.</summary>
    public int UnexpectedAnswers { get; private set; }

    public Task ConnectAsync(Uri baseUri, HttpMessageInvoker invoker, CancellationToken cancellationToken) =>
        socket.ConnectAsync(new Uri(baseUri, Uri.EscapeDataString(Id)), invoker, cancellationToken);

    /// <summary>Sends one CALL and waits for its answer (the closed-loop path).</summary>
    public async Task<CallOutcome> CallAsync(CallKind kind, CancellationToken cancellationToken)
    {
        var length = WriteCall(kind);
        await socket.SendAsync(sendBuffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var received = await ReceiveFrameAsync(cancellationToken).ConfigureAwait(false);
            if (Classify(received) is { } outcome)
            {
                return outcome;
            }
        }
    }

    /// <summary>
    /// Open loop: an Authorize is due at <paramref name="intended"/> (a <see cref="Stopwatch"/> timestamp).
    /// OCPP-J allows one outstanding CALL per direction, so a call that falls due while the previous one
    /// is unanswered waits in a backlog; its latency still counts from its intended time.
    /// </summary>
    public void Fire(long intended, OpenLoopSink sink)
    {
        lock (sync)
        {
            if (busy)
            {
                backlog.Enqueue(intended);
                return;
            }

            busy = true;
            intendedAt = intended;
        }

        _ = SendAuthorizeAsync(sink);
    }

    /// <summary>Open loop: reads answers until the socket closes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task ReceiveAnswersAsync(OpenLoopSink sink, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var received = await ReceiveFrameAsync(cancellationToken).ConfigureAwait(false);
                if (Classify(received) is not { } outcome)
                {
                    continue;
                }

                var now = Stopwatch.GetTimestamp();
                bool sendNext;
                lock (sync)
                {
                    sink.Answered(intendedAt, sentAt, now, outcome);
                    sendNext = backlog.TryDequeue(out var next);
                    if (sendNext)
                    {
                        intendedAt = next;
                    }
                    else
                    {
                        busy = false;
                    }
                }

                if (sendNext)
                {
                    await SendAuthorizeAsync(sink).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or StationClosedException)
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                sink.Lost(Id, e.Message);
            }
        }
    }

    /// <summary>Calls still due or outstanding (open loop).</summary>
    public int Outstanding
    {
        get
        {
            lock (sync)
            {
                return backlog.Count + (busy ? 1 : 0);
            }
        }
    }

    /// <summary>Starts the close handshake and gives it a moment; a server that does not answer gets an abort.</summary>
    public async Task CloseAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bench done", timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Abort();
        }
    }

    public void Dispose() => socket.Dispose();

    private async Task SendAuthorizeAsync(OpenLoopSink sink)
    {
        try
        {
            int length;
            lock (sync)
            {
                length = WriteCall(CallKind.Authorize);
                sentAt = Stopwatch.GetTimestamp();
            }

            await socket.SendAsync(sendBuffer.AsMemory(0, length), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            sink.Lost(Id, e.Message);
        }
    }

    private int WriteCall(CallKind kind)
    {
        var sequenceNow = ++sequence;
        var span = sendBuffer.AsSpan();
        CallPrefix.CopyTo(span);
        var at = CallPrefix.Length;
        _ = Utf8Formatter.TryFormat(sequenceNow, span[at..], out var digits);
        at += digits;
        var tail = kind switch
        {
            CallKind.BootNotification => BootTail,
            CallKind.Heartbeat => HeartbeatTail,
            _ => AuthorizeTail,
        };
        tail.CopyTo(span[at..]);
        pendingSequence = sequenceNow;
        pendingKind = kind;
        return at + tail.Length;
    }

    private async ValueTask<int> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            if (length == receiveBuffer.Length)
            {
                // Answers here are small; a larger frame is read to its end and reported as unexpected.
                length = 0;
                UnexpectedAnswers++;
            }

            result = await socket.ReceiveAsync(receiveBuffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new StationClosedException($"{Id}: the server closed the connection ({socket.CloseStatus} {socket.CloseStatusDescription})");
            }

            length += result.Count;
        }
        while (!result.EndOfMessage);
        return length;
    }

    /// <summary>The outcome if the frame answers the outstanding call; null if it is something else.</summary>
    private CallOutcome? Classify(int length)
    {
        var frame = receiveBuffer.AsSpan(0, length);
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.TryGetInt32(out var type))
            {
                UnexpectedAnswers++;
                return null;
            }

            if (type == 2)
            {
                ServerCalls++;
                return null;
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.String
                || !Utf8Parser.TryParse(reader.ValueSpan, out int answered, out _) || answered != pendingSequence)
            {
                UnexpectedAnswers++;
                return null;
            }

            if (type == 4)
            {
                return CallOutcome.CallError;
            }

            // Boot and Authorize must be Accepted; a Heartbeat answer has no status.
            return pendingKind == CallKind.Heartbeat || frame.IndexOf(Accepted) >= 0 ? CallOutcome.Ok : CallOutcome.Refused;
        }
        catch (JsonException)
        {
            UnexpectedAnswers++;
            return null;
        }
    }
}

/// <summary>The server closed a station's connection.</summary>
internal sealed class StationClosedException(string message) : Exception(message);
