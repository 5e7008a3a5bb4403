using System.Collections.Concurrent;
using System.Threading.Channels;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Observability;

/// <summary>
/// Every frame in and out of every station, fanned out to live subscribers (the event stream, the
/// dashboard) and kept in a short ring for late joiners. A slow subscriber loses its oldest events
/// rather than slowing a station down.
/// </summary>
public sealed class FrameEventHub(CsmsMetrics metrics) : IFrameObserver
{
    private const int RecentCapacity = 500;
    private const int SubscriberCapacity = 2048;

    private readonly Lock subscribing = new();
    private readonly ConcurrentQueue<FrameEvent> recent = new();

    // Replaced, never changed, under the lock: a frame reads it without a lock or a copy.
    private Subscription[] subscribers = [];

    /// <summary>The most recent frames, oldest first.</summary>
    public IReadOnlyList<FrameEvent> Recent => [.. recent];

    /// <inheritdoc/>
    public void OnFrame(FrameEvent frame)
    {
        metrics.Record(frame);
        recent.Enqueue(frame);
        while (recent.Count > RecentCapacity && recent.TryDequeue(out _))
        {
        }

        foreach (var subscriber in Volatile.Read(ref subscribers))
        {
            subscriber.Channel.Writer.TryWrite(frame);
        }
    }

    /// <summary>Starts receiving every frame from now on; dispose the subscription to stop.</summary>
    public Subscription Subscribe()
    {
        var subscription = new Subscription(this);
        lock (subscribing)
        {
            Volatile.Write(ref subscribers, [.. subscribers, subscription]);
        }

        return subscription;
    }

    /// <summary>One live subscriber's queue of frames.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly FrameEventHub hub;

        internal Subscription(FrameEventHub hub)
        {
            this.hub = hub;
            Channel = System.Threading.Channels.Channel.CreateBounded<FrameEvent>(new BoundedChannelOptions(SubscriberCapacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
            });
        }

        internal Channel<FrameEvent> Channel { get; }

        /// <summary>The frames, in order.</summary>
        public ChannelReader<FrameEvent> Reader => Channel.Reader;

        /// <inheritdoc/>
        public void Dispose()
        {
            lock (hub.subscribing)
            {
                Volatile.Write(ref hub.subscribers, [.. hub.subscribers.Where(s => s != this)]);
            }

            Channel.Writer.TryComplete();
        }
    }
}
