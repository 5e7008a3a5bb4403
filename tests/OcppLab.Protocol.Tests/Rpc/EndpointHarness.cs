using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// Bounds every wait on another task so that a broken endpoint fails a test instead of hanging the run.
/// It is a guard only: no test asserts on how long anything took in real time.
/// </summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Guarded(this Task task) => task.WaitAsync(Limit);

    public static Task<T> Guarded<T>(this ValueTask<T> task) => task.AsTask().WaitAsync(Limit);
}

/// <summary>A <see cref="FakeTimeProvider"/> that says when a timer was created, so a test advances time only once a wait has started.</summary>
internal sealed class TimerAwareTimeProvider : FakeTimeProvider
{
    private readonly Channel<bool> created = Channel.CreateUnbounded<bool>();

    public TimerAwareTimeProvider()
        : base(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        created.Writer.TryWrite(true);
        return timer;
    }

    /// <summary>Completes when the next timer not yet waited for has been created.</summary>
    public Task TimerCreatedAsync() => created.Reader.ReadAsync().AsTask().Guarded();
}

/// <summary>Records every frame event and lets a test wait for one.</summary>
/// <summary>An observer that runs a callback on each frame, on the endpoint's own path.</summary>
internal sealed class CallbackObserver(Action<FrameEvent> onFrame) : IFrameObserver
{
    public void OnFrame(FrameEvent frame) => onFrame(frame);
}

internal sealed class RecordingObserver : IFrameObserver
{
    private readonly Lock sync = new();
    private readonly List<FrameEvent> events = [];
    private readonly List<(Func<FrameEvent, bool> Match, TaskCompletionSource<FrameEvent> Seen)> waiters = [];

    public IReadOnlyList<FrameEvent> Events
    {
        get
        {
            lock (sync)
            {
                return [.. events];
            }
        }
    }

    public void OnFrame(FrameEvent frame)
    {
        List<TaskCompletionSource<FrameEvent>> done = [];
        lock (sync)
        {
            events.Add(frame);
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Match(frame))
                {
                    done.Add(waiters[i].Seen);
                    waiters.RemoveAt(i);
                }
            }
        }

        foreach (var seen in done)
        {
            seen.TrySetResult(frame);
        }
    }

    /// <summary>Completes with the first event, past or future, that matches.</summary>
    public Task<FrameEvent> WaitForAsync(Func<FrameEvent, bool> match)
    {
        var seen = new TaskCompletionSource<FrameEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            var past = events.FirstOrDefault(match);
            if (past is not null)
            {
                return Task.FromResult(past);
            }

            waiters.Add((match, seen));
        }

        return seen.Task.Guarded();
    }
}

/// <summary>A frame the endpoint sent, parsed for the test.</summary>
internal sealed record SentFrame(string Text, JsonElement Json)
{
    public int TypeId => Json[0].GetInt32();

    public string MessageId => Json[1].GetString()!;

    /// <summary>The action of a CALL.</summary>
    public string Action => Json[2].GetString()!;

    /// <summary>The error code of a CALLERROR, as written.</summary>
    public string ErrorCode => Json[2].GetString()!;

    /// <summary>The payload of a CALL.</summary>
    public JsonElement CallPayload => Json[3];
}

/// <summary>
/// The raw side of an endpoint: the test writes bytes into <see cref="OcppRpcEndpoint.Receive"/> and reads what the
/// endpoint puts on its send queue, as a peer on the other end of the wire would.
/// </summary>
internal sealed class RawPeer(OcppRpcEndpoint endpoint)
{
    public OcppRpcEndpoint Endpoint { get; } = endpoint;

    /// <summary>Whether the endpoint has a frame waiting to be sent right now.</summary>
    public bool HasFrameWaiting => Endpoint.Outbound.TryPeek(out _);

    public void Send(string text) => Endpoint.Receive(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => Endpoint.Receive(bytes);

    public async Task<SentFrame> NextFrameAsync()
    {
        var bytes = await Endpoint.Outbound.ReadAsync().Guarded();
        var text = Encoding.UTF8.GetString(bytes);
        using var document = JsonDocument.Parse(bytes);
        return new SentFrame(text, document.RootElement.Clone());
    }

    /// <summary>Answers <paramref name="call"/> with a CALLRESULT carrying <paramref name="payloadJson"/>.</summary>
    public void Answer(SentFrame call, string payloadJson) => Send($"[3,\"{call.MessageId}\",{payloadJson}]");
}

/// <summary>
/// Two endpoints wired back to back in memory: each one's send queue is pumped, asynchronously, into the
/// other's <see cref="OcppRpcEndpoint.Receive"/>, as a WebSocket would.
/// </summary>
internal sealed class EndpointLink : IAsyncDisposable
{
    private readonly Task[] pumps;

    public EndpointLink(OcppRpcEndpoint centralSystem, OcppRpcEndpoint chargePoint)
    {
        CentralSystem = centralSystem;
        ChargePoint = chargePoint;
        pumps = [Task.Run(() => PumpAsync(centralSystem, chargePoint)), Task.Run(() => PumpAsync(chargePoint, centralSystem))];
    }

    public OcppRpcEndpoint CentralSystem { get; }

    public OcppRpcEndpoint ChargePoint { get; }

    public async ValueTask DisposeAsync()
    {
        await ChargePoint.DisposeAsync();
        await CentralSystem.DisposeAsync();
        await Task.WhenAll(pumps).Guarded();
    }

    private static async Task PumpAsync(OcppRpcEndpoint from, OcppRpcEndpoint to)
    {
        await foreach (var frame in from.Outbound.ReadAllAsync())
        {
            to.Receive(frame);
        }
    }
}
