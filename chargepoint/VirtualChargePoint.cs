using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OcppLab.ChargePoint.Authorization;
using OcppLab.ChargePoint.Behaviours;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Metering;
using OcppLab.ChargePoint.Scheduling;
using OcppLab.ChargePoint.SmartCharging;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// A charge point in software that speaks OCPP 1.6-J to a Central System. Every state change (the driving
/// API, the Central System's requests, answers to our CALLs, timers) runs on one <see cref="SerialScheduler"/>
/// of this charge point, so the state takes no locks; timers come from the injected scheduler and
/// timestamps from the injected <see cref="TimeProvider"/>.
/// It is driven from outside (plug in, present a card, cut the network...) by the methods of the driving API.
/// </summary>
public sealed partial class VirtualChargePoint : IAsyncDisposable
{
    private readonly IOcppConnector connector;
    private readonly SerialScheduler scheduler;
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
    private readonly IdTagAuthorization authorization;
    private readonly Reservations reservations;
    private readonly ChargingSchedules chargingSchedules;
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
        this.time = time;
        this.logger = logger ?? NullLogger.Instance;
        this.scheduler = new SerialScheduler(scheduler, e => ChargePointLog.OperationFailed(this.logger, chargePointId, "running scheduled work", e));
        this.frameObserver = frameObserver;
        this.random = random ?? new Random(chargePointId.GetHashCode(StringComparison.Ordinal));
        http = new HttpClient(httpHandler ?? new HttpClientHandler(), disposeHandler: true);
        Configuration = new ConfigurationStore(ConfigurationKeySet.StandardFor(template.NumberOfConnectors), template.Configuration);
        Configuration.Set(Keys.SupportedFeatureProfiles, string.Join(',', template.FeatureProfiles));
        connectors = [.. Enumerable.Range(0, template.NumberOfConnectors + 1)
            .Select(i => new ConnectorState(i, new EnergyMeter(time.GetUtcNow(), 0, template.Voltage, template.Phases)))];
        var context = new ChargePointContext
        {
            Id = chargePointId,
            Template = template,
            Configuration = Configuration,
            Scheduler = this.scheduler,
            Time = time,
            Logger = this.logger,
            Connectors = connectors,
            Messages = new MessageSender(this),
            AfterResponse = AfterResponse,
            RefreshStatus = RefreshStatus,
            ApplyPowerEverywhere = ApplyPowerEverywhere,
        };
        authorization = new IdTagAuthorization(context);
        reservations = new Reservations(context);
        chargingSchedules = new ChargingSchedules(context);
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
    }

    /// <summary>The charge point identity (the last segment of the connection URL).</summary>
    public string Id { get; }

    /// <summary>The template the charge point was made from.</summary>
    public ChargePointTemplate Template { get; }

    /// <summary>The configuration keys (OCPP 1.6 §9).</summary>
    public ConfigurationStore Configuration { get; }

    /// <summary>The authorization cache.</summary>
    public AuthorizationCache AuthorizationCache => authorization.Cache;

    /// <summary>The local authorization list.</summary>
    public LocalAuthorizationList LocalList => authorization.LocalList;

    /// <summary>The reservation held on a connector, if any.</summary>
    public Reservation? ReservationOn(int connectorId) => reservations.On(connectorId);

    /// <summary>The installed charging profiles.</summary>
    public ChargingProfileStore ChargingProfiles => chargingSchedules.Profiles;

    /// <summary>The composite schedule of a connector from now on.</summary>
    public ChargingSchedule CompositeSchedule(int connectorId, int durationSeconds, ChargingRateUnitType unit = ChargingRateUnitType.A)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => chargingSchedules.CompositeSchedule(state, durationSeconds, unit));
    }

    /// <summary>Every frame sent or received, on every connection.</summary>
    public IObservable<FrameEvent> Frames => frames;

    /// <summary>The Central System's requests a driver acts on (a remote start to plug in for, a remote stop or unlock to unplug after).</summary>
    public IObservable<RemoteCommand> RemoteCommands => remoteCommands;

    /// <summary>The number of connectors (connector 0, the charge point itself, not counted).</summary>
    public int NumberOfConnectors => connectors.Length - 1;

    /// <summary>Whether a connection to the Central System is open.</summary>
    public bool IsConnected => current is not null;

    /// <summary>The registration status from the last BootNotification.conf; null before the first answer.</summary>
    public RegistrationStatus? Registration => registration;

    /// <summary>Waits until nothing is in progress that does not need time to pass: for virtual-time tests.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default) => scheduler.WhenIdleAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await lifetime.CancelAsync();
        IOcppConnection? last = null;
        await scheduler.InvokeAsync(() =>
        {
            poweredOn = false;
            subscriptions.Dispose();
            foreach (var state in connectors)
            {
                state.ConnectionTimeout?.Dispose();
                state.Transaction?.Sampling?.Dispose();
                state.Reservation?.Expiry?.Dispose();
            }

            last = Detach();
            return Task.FromResult(true);
        });
        scheduler.Stop();
        if (last is not null)
        {
            await CloseOffSchedulerAsync(last, handshake: true);
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

    private void OnConfigurationChanged(string key) => scheduler.Post(() => ApplyConfigurationChange(key));

    private void ApplyConfigurationChange(string key)
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
