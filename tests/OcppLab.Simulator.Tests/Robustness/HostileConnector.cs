using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Rpc;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// Connects the charge point to a scripted Central System in memory, and lets a test slip raw frames of
/// its own into the same stream towards the charge point. The charge point's answers to those frames
/// (ids starting with <see cref="Prefix"/>) are collected; everything else flows as usual.
/// </summary>
internal sealed class HostileConnector : IOcppConnector, IDisposable
{
    public const string Prefix = "evil-";

    private readonly SemaphoreSlim answered = new(0);
    private Channel<byte[]>? toChargePoint;

    public ScriptedCentralSystem? CentralSystem { get; set; }

    /// <summary>The charge point's answers to injected frames, in order, as raw text.</summary>
    public ConcurrentQueue<string> Answers { get; } = new();

    public int Connections { get; private set; }

    /// <summary>Sends <paramref name="frame"/> to the charge point as if the Central System had.</summary>
    public void Inject(byte[] frame) =>
        (toChargePoint ?? throw new InvalidOperationException("Not connected.")).Writer.TryWrite(frame);

    /// <summary>Waits (at most 10 s) until <paramref name="count"/> more answers to injected frames arrived.</summary>
    public async Task WaitForAnswersAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            if (!await answered.WaitAsync(TimeSpan.FromSeconds(10)))
            {
                throw new TimeoutException($"{i} of {count} answers arrived; so far: {string.Join(" ", Answers)}");
            }
        }
    }

    public Task<IOcppConnection> ConnectAsync(string chargePointId, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
    {
        var server = CentralSystem!.Connect(chargePointId);
        var channel = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
        toChargePoint = channel;
        Connections++;
        return Task.FromResult<IOcppConnection>(new Pipe(this, endpoint, server, channel));
    }

    public void Dispose() => answered.Dispose();

    private void Tap(byte[] frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 1 && root[1].ValueKind == JsonValueKind.String
                && root[1].GetString()!.StartsWith(Prefix, StringComparison.Ordinal))
            {
                Answers.Enqueue(System.Text.Encoding.UTF8.GetString(frame));
                answered.Release();
            }
        }
        catch (JsonException)
        {
            Answers.Enqueue("not JSON: " + System.Text.Encoding.UTF8.GetString(frame));
            answered.Release();
        }
    }

    private sealed class Pipe : IOcppConnection
    {
        private readonly OcppRpcEndpoint client;
        private readonly OcppRpcEndpoint server;
        private readonly Channel<byte[]> toChargePoint;
        private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Task upstream;
        private readonly Task downstream;
        private readonly Task merge;

        public Pipe(HostileConnector owner, OcppRpcEndpoint client, OcppRpcEndpoint server, Channel<byte[]> toChargePoint)
        {
            this.client = client;
            this.server = server;
            this.toChargePoint = toChargePoint;
            upstream = Task.Run(async () =>
            {
                await foreach (var frame in client.Outbound.ReadAllAsync())
                {
                    owner.Tap(frame);
                    server.Receive(frame);
                }
            });

            // One reader feeds the charge point: its endpoint takes frames from one writer at a time.
            merge = Task.Run(async () =>
            {
                await foreach (var frame in server.Outbound.ReadAllAsync())
                {
                    toChargePoint.Writer.TryWrite(frame);
                }
            });
            downstream = Task.Run(async () =>
            {
                await foreach (var frame in toChargePoint.Reader.ReadAllAsync())
                {
                    client.Receive(frame);
                }
            });
            _ = client.CloseRequested.ContinueWith(_ => ShutdownAsync(), TaskScheduler.Default).Unwrap();
            _ = server.CloseRequested.ContinueWith(_ => ShutdownAsync(), TaskScheduler.Default).Unwrap();
        }

        public Task Closed => closed.Task;

        public Task CloseAsync(CancellationToken cancellationToken) => ShutdownAsync();

        public async ValueTask DisposeAsync()
        {
            await ShutdownAsync();
            await Task.WhenAll(merge, downstream);
        }

        private async Task ShutdownAsync()
        {
            client.Close();
            await upstream;
            server.Close();
            toChargePoint.Writer.TryComplete();
            closed.TrySetResult();
        }
    }
}
