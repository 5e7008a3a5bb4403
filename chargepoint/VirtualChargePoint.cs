using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OcppLab.ChargePoint.Authorization;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Metering;
using OcppLab.ChargePoint.SmartCharging;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// A charge point in software that speaks OCPP 1.6-J to a Central System. Behaviours (boot, heartbeat,
/// status, authorization, transactions, meter values, offline queue, remote operations, reservations,
/// smart charging, firmware and diagnostics) are Rx pipelines on the injected scheduler, all owned by one
/// <see cref="CompositeDisposable"/>; timestamps come from the injected <see cref="TimeProvider"/>.
/// It is driven from outside (plug in, present a card, cut the network...) by the methods of the driving API.
/// </summary>
public sealed partial class VirtualChargePoint : IAsyncDisposable
{
    private readonly Lock sync = new();
    private readonly IOcppConnector connector;
    private readonly IScheduler scheduler;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly IFrameObserver? frameObserver;
    private readonly Random random;
    private readonly ConnectorState[] connectors;
    private readonly CompositeDisposable subscriptions = [];
    private readonly Subject<FrameEvent> frames = new();
    private readonly ISubject<FrameEvent> framesIn;
    private readonly ISubject<RemoteCommand> remoteCommands = Subject.Synchronize(new Subject<RemoteCommand>());
    private readonly CancellationTokenSource lifetime = new();
    private readonly ActivityTracker activity;
    private int disposed;

    /// <summary>Creates a charge point; call <see cref="PowerOn"/> to boot it.</summary>
    public VirtualChargePoint(
        string chargePointId,
        ChargePointTemplate template,
        IOcppConnector connector,
        IScheduler scheduler,
        TimeProvider time,
        ILogger? logger = null,
        IFrameObserver? frameObserver = null,
        HttpMessageHandler? httpHandler = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        Id = chargePointId;
        Template = template;
        this.connector = connector;
        this.scheduler = scheduler;
        this.time = time;
        this.logger = logger ?? NullLogger.Instance;
        this.frameObserver = frameObserver;
        this.random = random ?? new Random(chargePointId.GetHashCode(StringComparison.Ordinal));
        http = new HttpClient(httpHandler ?? new HttpClientHandler(), disposeHandler: true);
        Configuration = new ConfigurationStore(ConfigurationKeySet.StandardFor(template.NumberOfConnectors), template.Configuration);
        Configuration.Set(Keys.SupportedFeatureProfiles, string.Join(',', template.FeatureProfiles));
        connectors = [.. Enumerable.Range(0, template.NumberOfConnectors + 1)
            .Select(i => new ConnectorState(i, new EnergyMeter(time.GetUtcNow(), 0, template.Voltage, template.Phases)))];
        activity = new ActivityTracker(HasRunnableWork);

        // Frames are observed on the receive path and the send path at once: serialize them (Rx grammar).
        framesIn = Subject.Synchronize(frames);
        Configuration.Changed += OnConfigurationChanged;
        subscriptions.Add(Disposable.Create(() => Configuration.Changed -= OnConfigurationChanged));
        foreach (var state in connectors)
        {
            subscriptions.Add(WireStatus(state));
        }

        subscriptions.Add(heartbeat);
        subscriptions.Add(clockAligned);
        subscriptions.Add(connectTimer);
        subscriptions.Add(retryTimer);
        subscriptions.Add(bootRetry);
        sendLoop = Task.Run(SendLoopAsync);
    }

    /// <summary>The charge point identity (the last segment of the connection URL).</summary>
    public string Id { get; }

    /// <summary>The template the charge point was made from.</summary>
    public ChargePointTemplate Template { get; }

    /// <summary>The configuration keys (OCPP 1.6 §9).</summary>
    public ConfigurationStore Configuration { get; }

    /// <summary>The authorization cache.</summary>
    public AuthorizationCache AuthorizationCache { get; } = new();

    /// <summary>The local authorization list.</summary>
    public LocalAuthorizationList LocalList { get; } = new();

    /// <summary>The installed charging profiles.</summary>
    public ChargingProfileStore ChargingProfiles { get; } = new();

    /// <summary>Every frame sent or received, on every connection.</summary>
    public IObservable<FrameEvent> Frames => frames;

    /// <summary>The Central System's requests a driver acts on (a remote start to plug in for, a remote stop or unlock to unplug after).</summary>
    public IObservable<RemoteCommand> RemoteCommands => remoteCommands;

    /// <summary>The number of connectors (connector 0, the charge point itself, not counted).</summary>
    public int NumberOfConnectors => connectors.Length - 1;

    /// <summary>Whether a connection to the Central System is open.</summary>
    public bool IsConnected
    {
        get
        {
            lock (sync)
            {
                return current is not null;
            }
        }
    }

    /// <summary>The registration status from the last BootNotification.conf; null before the first answer.</summary>
    public RegistrationStatus? Registration
    {
        get
        {
            lock (sync)
            {
                return registration;
            }
        }
    }

    /// <summary>Waits until nothing is in progress that does not need time to pass: for virtual-time tests.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => activity.WhenIdleAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await lifetime.CancelAsync();
        lock (sync)
        {
            poweredOn = false;
        }

        subscriptions.Dispose();
        foreach (var state in connectors)
        {
            state.ConnectionTimeout?.Dispose();
            state.Transaction?.Sampling?.Dispose();
            state.Reservation?.Expiry?.Dispose();
        }

        Disconnect();
        Wake();
        try
        {
            await sendLoop;
        }
        catch (OperationCanceledException)
        {
        }

        frames.OnCompleted();
        frames.Dispose();
        remoteCommands.OnCompleted();
        http.Dispose();
        lifetime.Dispose();
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private ConnectorState? ConnectorAt(int connectorId) =>
        connectorId >= 0 && connectorId < connectors.Length ? connectors[connectorId] : null;

    private IEnumerable<ConnectorState> Outlets => connectors.Skip(1);

    private void OnConfigurationChanged(string key)
    {
        switch (key)
        {
            case Keys.HeartbeatInterval:
                StartHeartbeat();
                break;
            case Keys.ClockAlignedDataInterval:
                StartClockAligned();
                break;
            case Keys.MeterValueSampleInterval:
                RestartSampling();
                break;
        }
    }
}
