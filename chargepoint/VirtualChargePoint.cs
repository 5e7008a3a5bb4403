using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using OcppLab.ChargePoint.Behaviours;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Metering;
using OcppLab.ChargePoint.Scheduling;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// A charge point in software that speaks OCPP 1.6-J to a Central System: a façade over behaviours that each
/// own their state (<c>Behaviours/</c>). Every state change (the driving API, the Central System's requests,
/// answers to our CALLs, timers) runs on one <see cref="SerialScheduler"/> of this charge point, so the state
/// takes no locks; timers and timestamps come from the injected <see cref="TimeProvider"/>.
/// It is driven from outside (plug in, present a card, cut the network...) by the methods of the driving API.
/// </summary>
public sealed partial class VirtualChargePoint : IAsyncDisposable
{
    private readonly SerialScheduler scheduler;
    private readonly TimeProvider time;
    private readonly ConnectorState[] connectors;
    private readonly Subject<FrameEvent> frames = new();
    private readonly ISubject<FrameEvent> framesIn;
    private readonly IFrameObserver? frameObserver;
    private readonly CancellationTokenSource lifetime = new();
    private readonly HttpClient http;
    private readonly InboundCalls inbound;
    private readonly TransactionMessageQueue queue;
    private readonly BootAndHeartbeat registration;
    private readonly Connection connection;
    private readonly IdTagAuthorization authorization;
    private readonly Reservations reservations;
    private readonly ChargingSchedules chargingSchedules;
    private readonly ConnectorStatus status;
    private readonly PowerAndMeterValues metering;
    private readonly TransactionControl transactions;
    private readonly RemoteControl remoteControl;
    private readonly LocalActions localActions;
    private readonly PowerCycle power;
    private readonly FileTransferClient files;
    private readonly FirmwareUpdates firmware;
    private readonly SecurityEvents security;
    private readonly CertificateManagement certificates;
    private readonly SignedFirmwareAndLogs signedFirmware;
    private readonly ConfigurationRequests configurationRequests;
    private readonly Triggers triggers;
    private int disposed;

    /// <summary>Creates a charge point; call <see cref="PowerOn"/> to boot it.</summary>
    public VirtualChargePoint(
        string chargePointId,
        ChargePointTemplate template,
        IOcppConnector connector,
        TimeProvider time,
        ILogger? logger = null,
        IFrameObserver? frameObserver = null,
        HttpMessageHandler? httpHandler = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        Id = chargePointId;
        Template = template;
        this.time = time;
        var log = logger ?? NullLogger.Instance;
        scheduler = new SerialScheduler(time, e => ChargePointLog.OperationFailed(log, chargePointId, "running scheduled work", e));
        this.frameObserver = frameObserver;
        http = new HttpClient(httpHandler ?? new HttpClientHandler(), disposeHandler: true);
        Configuration = new ConfigurationStore(ConfigurationKeySet.StandardFor(template.NumberOfConnectors), template.Configuration);
        Configuration.Set(Keys.SupportedFeatureProfiles, string.Join(',', template.FeatureProfiles));
        connectors = [.. Enumerable.Range(0, template.NumberOfConnectors + 1)
            .Select(i => new ConnectorState(i, new EnergyMeter(time.GetUtcNow(), 0, template.Voltage, template.Phases)))];

        // Frames are observed on the receive path and the send path at once: serialize them (Rx grammar).
        framesIn = Subject.Synchronize(frames);
        inbound = new InboundCalls(this.scheduler);
        queue = new TransactionMessageQueue(chargePointId, Configuration, this.scheduler, time, log, lifetime.Token);
        var context = new ChargePointContext
        {
            Id = chargePointId,
            Template = template,
            Configuration = Configuration,
            Scheduler = this.scheduler,
            Time = time,
            Logger = log,
            Connectors = connectors,
            Messages = queue,
            AfterResponse = inbound.AfterResponse,
            RefreshStatus = state => status!.Refresh(state),
            ApplyPowerEverywhere = () => metering!.ApplyPowerEverywhere(),
            Reboot = reason => power!.RebootAsync(reason),
            FirmwareVersion = template.FirmwareVersion,
        };
        // A WebSocket's send loop writes each CALL to the socket on the thread that queues it: no thread-pool hop per frame.
        var endpointOptions = new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(template.CallTimeoutSeconds), SendInline = connector.SendLoopOnlyWrites };
        registration = new BootAndHeartbeat(context, queue, lifetime.Token);
        connection = new Connection(
            context,
            registration,
            connector,
            () => new OcppRpcEndpoint(chargePointId, inbound.Dispatcher(Router.Bind(this)), endpointOptions, time, new FrameTap(this)),
            random ?? new Random(chargePointId.GetHashCode(StringComparison.Ordinal)),
            lifetime.Token);
        authorization = new IdTagAuthorization(context);
        reservations = new Reservations(context);
        chargingSchedules = new ChargingSchedules(context);
        status = new ConnectorStatus(context, chargingSchedules);
        metering = new PowerAndMeterValues(context, chargingSchedules);
        transactions = new TransactionControl(context, metering, authorization, chargingSchedules);
        remoteControl = new RemoteControl(context, transactions, status, authorization, chargingSchedules);
        localActions = new LocalActions(context, transactions, metering, status, authorization);
        security = new SecurityEvents(context, lifetime.Token);
        power = new PowerCycle(context, connection, transactions, metering, security);
        files = new FileTransferClient(context, http, lifetime.Token);
        firmware = new FirmwareUpdates(context, files);
        certificates = new CertificateManagement(context, security, connection.Reconnect);
        signedFirmware = new SignedFirmwareAndLogs(context, files, security, certificates.Store);
        configurationRequests = new ConfigurationRequests(context, security, certificates.Store, connection.Reconnect);
        triggers = new Triggers(context, registration, status, metering, firmware, signedFirmware, certificates);

        registration.Registered += OnRegistered;
        connection.Disconnected += inbound.AbandonAnswers;
        Configuration.Changed += OnConfigurationChanged;
    }

    /// <summary>The charge point identity (the last segment of the connection URL).</summary>
    public string Id { get; }

    /// <summary>The template the charge point was made from.</summary>
    public ChargePointTemplate Template { get; }

    /// <summary>The configuration keys (OCPP 1.6 §9).</summary>
    public ConfigurationStore Configuration { get; }

    /// <summary>Every frame sent or received, on every connection.</summary>
    public IObservable<FrameEvent> Frames => frames;

    /// <summary>The number of connectors (connector 0, the charge point itself, not counted).</summary>
    public int NumberOfConnectors => connectors.Length - 1;

    /// <summary>How reconnection attempts are spaced.</summary>
    public ReconnectBackoff Backoff
    {
        get => connection.Backoff;
        init => connection.Backoff = value;
    }

    /// <summary>
    /// The charge point's own scheduler, for work that must run in step with it (a driver's timers): it runs
    /// one piece of work at a time with the charge point's, and counts toward <see cref="WhenIdleAsync"/>.
    /// </summary>
    public IScheduler Scheduler => scheduler;

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
            Configuration.Changed -= OnConfigurationChanged;
            connection.Dispose();
            registration.Dispose();
            queue.Dispose();
            metering.Dispose();
            status.Dispose();
            foreach (var state in connectors)
            {
                state.ConnectionTimeout?.Dispose();
                state.Transaction?.Sampling?.Dispose();
                state.Reservation?.Expiry?.Dispose();
            }

            last = connection.Detach();
            return Task.FromResult(true);
        });
        scheduler.Stop();
        if (last is not null)
        {
            await Connection.CloseOffSchedulerAsync(last, handshake: true);
        }

        frames.OnCompleted();
        frames.Dispose();
        remoteControl.Dispose();
        security.Dispose();
        connection.Complete();
        http.Dispose();
        lifetime.Dispose();
    }

    private DateTimeOffset Now => time.GetUtcNow();

    private ConnectorState? ConnectorAt(int connectorId) =>
        connectorId >= 0 && connectorId < connectors.Length ? connectors[connectorId] : null;

    private ConnectorState Outlet(int connectorId) =>
        connectorId >= 1 && connectorId < connectors.Length ? connectors[connectorId] : throw new ArgumentOutOfRangeException(nameof(connectorId));

    /// <summary>The Central System accepted the charge point: what every behaviour does then, in this order.</summary>
    private void OnRegistered(bool booted)
    {
        status.ReportAll(force: booted);
        metering.StartClockAligned();
        firmware.OnRegistered();
        if (booted)
        {
            security.OnBooted();
            signedFirmware.OnBooted();
        }

        security.SendWaiting();
    }

    private void OnConfigurationChanged(string key) => scheduler.Post(() =>
    {
        switch (key)
        {
            case Keys.HeartbeatInterval:
                registration.RestartHeartbeat();
                break;
            case Keys.ClockAlignedDataInterval:
                metering.StartClockAligned();
                break;
            case Keys.MeterValueSampleInterval:
                metering.RestartSampling();
                break;
        }
    });

    private void OnFrame(FrameEvent frame)
    {
        frameObserver?.OnFrame(frame);
        framesIn.OnNext(frame);
    }

    private sealed class FrameTap(VirtualChargePoint owner) : IFrameObserver
    {
        public void OnFrame(FrameEvent frame) => owner.OnFrame(frame);
    }
}
