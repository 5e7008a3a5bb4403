using System.Collections.Concurrent;
using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Fleet.Scenarios;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Runs this process's shard of a fleet: plays its scenario (charge points powered on and off by the stages,
/// faults injected, the session rate followed; the short form is a ramp), runs the session arrival process of
/// each connector, lets its drivers answer the Central System's remote starts, stops and
/// unlocks, and at the end stops the sessions, lets the StopTransactions go out,
/// and disconnects. Everything is timers on one injected scheduler and tasks on the thread pool: there is
/// no thread per charge point.
/// </summary>
public sealed class FleetRunner : IAsyncDisposable, IFleetControls
{
    private readonly FleetPlan plan;
    private readonly TemplateShare[] shares;
    private readonly double totalWeight;
    private readonly Scenario scenario;
    private readonly SessionRate rate;
    private readonly Lock power = new();
    private readonly bool[] wanted;
    private readonly bool[] cut;
    private readonly bool[] powered;
    private readonly bool[] offline;
    private readonly FleetMetrics metrics;
    private readonly IScheduler scheduler;
    private readonly TimeProvider time;
    private readonly Func<string, Func<VirtualChargePoint?>, IOcppConnector> connectorFor;
    private readonly ConnectionCloses closes = new();
    private HttpMessageInvoker? http;
    private readonly Slot?[] slots;
    private readonly int firstIndex;
    private readonly CompositeDisposable ramp = [];
    private readonly CancellationTokenSource campaignsEnd = new();
    private readonly ConcurrentQueue<Task> campaigns = new();
    private int started;
    private int closed;
    private volatile bool stopping;

    /// <summary>Creates the runner; <paramref name="connectorFor"/> makes the connector of a charge point (given its identity and the charge point, once it exists).</summary>
    public FleetRunner(FleetPlan plan, FleetMetrics metrics, IScheduler scheduler, TimeProvider time, Func<string, Func<VirtualChargePoint?>, IOcppConnector> connectorFor)
    {
        ArgumentNullException.ThrowIfNull(plan);
        this.plan = plan;
        this.metrics = metrics;
        this.scheduler = scheduler;
        this.time = time;
        this.connectorFor = connectorFor;
        shares = [.. (plan.Templates ?? [new TemplateShare("default", 1, plan.Template, plan.Driver)])
            .Select(share => share with { Template = Configured(plan, share.Template) })];
        totalWeight = shares.Sum(share => share.Weight);
        scenario = plan.Scenario ?? Scenario.Ramp(plan.Chargers, plan.RampPerSecond);
        rate = new SessionRate(scenario.MaxSessionRate);
        var (offset, length) = plan.Shard.Slice(plan.Chargers).GetOffsetAndLength(plan.Chargers);
        firstIndex = offset;
        slots = new Slot?[length];
        wanted = new bool[length];
        cut = new bool[length];
        powered = new bool[length];
        offline = new bool[length];
    }

    /// <summary>The session counts over this shard.</summary>
    public SessionCounters Sessions { get; } = new();

    /// <summary>How long <see cref="DisposeAsync"/> waits for the close handshakes of the connections still open.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The Central System's operator, for the scenario's firmware campaigns; null when there is none to ask.</summary>
    public ICentralSystemOperator? Operator { get; init; }

    /// <summary>How the charge points download firmware and upload diagnostics; null for real HTTP.</summary>
    public HttpMessageHandler? FileTransfers { get; init; }

    /// <summary>Connections closed from the fleet's side with the close handshake completed.</summary>
    public long ClosedWithHandshake => closes.Handshakes;

    /// <summary>Connections still open when <see cref="CloseTimeout"/> ran out at the end.</summary>
    public int ClosesAbandoned { get; private set; }

    /// <summary>How many charge points this shard runs.</summary>
    public int Size => slots.Length;

    /// <summary>The charge points powered on so far.</summary>
    public IEnumerable<VirtualChargePoint> ChargePoints => slots.Where(s => s is not null).Select(s => s!.ChargePoint);

    /// <summary>
    /// Connectors over real WebSockets, one socket (and on wss:// one TLS stream) per charge point and nothing shared;
    /// each charge point pings at its own WebSocketPingInterval and connects with its own
    /// <see cref="VirtualChargePoint.ConnectionSecurity"/> (its profile, AuthorizationKey, installed roots and
    /// certificate, read at every attempt). With no roots in the plan, the system trust store checks the Central System.
    /// </summary>
    public static Func<string, Func<VirtualChargePoint?>, IOcppConnector> WebSocketConnectors(FleetPlan plan, TimeSpan connectTimeout)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var settings = new ConnectionSettings { CentralSystemUrl = plan.CentralSystem, BasicAuthPassword = plan.Password, ConnectTimeout = connectTimeout };
        var useSystemTrust = plan.Security.CentralSystemRoots.Count == 0;
        return (id, chargePoint) => new WebSocketConnector(
            settings,
            SecureWebSocketFactory.Client(
                () => chargePoint() is { } cp
                    ? cp.ConnectionSecurity with { UseSystemTrustWithoutRoots = useSystemTrust }
                    : new TransportSecurity(plan.SecurityProfile, id, plan.Password, [], null) { UseSystemTrustWithoutRoots = useSystemTrust },
                () => chargePoint()?.Configuration.GetSeconds(Keys.WebSocketPingInterval) ?? TimeSpan.Zero));
    }

    /// <summary>The scenario this runner plays.</summary>
    public Scenario Scenario => scenario;

    /// <summary>Schedules the scenario: the power-ons and power-offs of the stages, the faults, the session rate.</summary>
    public void Start() =>
        ramp.Add(new ScenarioDirector(scenario, this, scheduler, rate, plan.Seed).Start(plan.Shard.Slice(plan.Chargers), plan.Chargers));

    /// <inheritdoc/>
    void IFleetControls.SetWanted(int k, bool on)
    {
        lock (power)
        {
            wanted[k] = on;
        }

        Apply(k);
    }

    /// <inheritdoc/>
    void IFleetControls.Inject(FaultInjection fault, IReadOnlyList<int> victims, bool hit)
    {
        if (fault.Kind == FaultKind.FirmwareCampaign)
        {
            if (hit)
            {
                campaigns.Enqueue(FirmwareCampaignAsync(fault, victims, campaignsEnd.Token));
            }

            return;
        }

        foreach (var k in victims)
        {
            if (fault.Kind == FaultKind.PowerCut)
            {
                lock (power)
                {
                    cut[k] = hit;
                }

                Apply(k);
                continue;
            }

            Slot? slot;
            lock (power)
            {
                offline[k] = hit;
                slot = slots[k];
            }

            if (slot is null || stopping)
            {
                continue;
            }

            if (hit)
            {
                slot.ChargePoint.DropNetwork();
            }
            else
            {
                slot.ChargePoint.RestoreNetwork();
            }
        }
    }

    /// <summary>Reads the fleet's state (a scan over the charge points: call it about once a second).</summary>
    public FleetGauges Gauges()
    {
        int connected = 0, booted = 0, charging = 0, queued = 0;
        foreach (var slot in slots)
        {
            if (slot is null)
            {
                continue;
            }

            var cp = slot.ChargePoint;
            if (cp.IsConnected)
            {
                connected++;
                if (cp.Registration == RegistrationStatus.Accepted)
                {
                    booted++;
                }
            }

            for (var c = 1; c <= cp.NumberOfConnectors; c++)
            {
                if (cp.TransactionOn(c) is not null)
                {
                    charging++;
                }
            }

            queued += cp.QueuedTransactionMessages;
        }

        int on;
        lock (power)
        {
            on = powered.Count(p => p);
        }

        return new FleetGauges(Volatile.Read(ref started), connected, booted, charging, queued) { Powered = on };
    }

    /// <summary>
    /// Ends the run like its drivers would: no more arrivals or power-ons, running sessions stopped (card,
    /// unplug), then waits up to <paramref name="drainTimeout"/> for the transaction messages to be delivered.
    /// </summary>
    public async Task StopAsync(TimeSpan drainTimeout, CancellationToken cancellationToken)
    {
        stopping = true;
        ramp.Dispose();
        await EndFirmwareCampaignsAsync();
        var live = slots.Where(s => s is not null).Select(s => s!).ToList();
        await Parallel.ForEachAsync(
            live.SelectMany(s => s.Sessions),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken },
            async (sessions, ct) => await sessions.StopAsync(ct));

        var deadline = time.GetUtcNow() + drainTimeout;
        while (time.GetUtcNow() < deadline && live.Any(s => s.ChargePoint.IsConnected && s.ChargePoint.QueuedTransactionMessages > 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }

        var undelivered = live.Sum(s => s.ChargePoint.QueuedTransactionMessages);
        if (undelivered > 0)
        {
            metrics.Error("transaction message undelivered at the end");
        }
    }

    /// <summary>
    /// Powers the charge points off: each closes its WebSocket with the close handshake, and this waits up to
    /// <see cref="CloseTimeout"/> for all of them, so the process never exits with connections half closed.
    /// Call <see cref="StopAsync"/> first to end the sessions and deliver their StopTransactions.
    /// </summary>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref closed, 1) == 1)
        {
            return;
        }

        stopping = true;
        ramp.Dispose();
        await EndFirmwareCampaignsAsync();
        await Parallel.ForEachAsync(
            slots.Where(s => s is not null).Select(s => s!),
            new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (slot, _) => await slot.DisposeAsync());
        ClosesAbandoned = await closes.WhenClosedAsync(CloseTimeout, time);
        for (var n = 0; n < ClosesAbandoned; n++)
        {
            metrics.Error("connection not closed at the end");
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        http?.Dispose();
        campaignsEnd.Dispose();
    }

    /// <summary>Completes when every firmware campaign started so far has asked each of its charge points (or been cut short).</summary>
    public Task WhenFirmwareCampaignsDoneAsync() => Task.WhenAll(campaigns);

    /// <summary>
    /// The end of the run ends the campaigns too: no charge point is asked any more, an UpdateFirmware still waiting for
    /// the Central System's answer is given up, both counted as cut short; the campaigns are awaited, so nothing of
    /// theirs runs on after the charge points are closed.
    /// </summary>
    private async Task EndFirmwareCampaignsAsync()
    {
        if (!campaignsEnd.IsCancellationRequested)
        {
            await campaignsEnd.CancelAsync();
        }

        await WhenFirmwareCampaignsDoneAsync();
    }

    /// <summary>Powers charge point <paramref name="k"/> on or off when what the stages want and the power cuts say differ from its state.</summary>
    private void Apply(int k)
    {
        bool on;
        bool cutNow;
        Slot? slot;
        lock (power)
        {
            on = wanted[k] && !cut[k];
            cutNow = cut[k];
            if (stopping || on == powered[k])
            {
                return;
            }

            powered[k] = on;
            slot = slots[k];
        }

        if (slot is null)
        {
            PowerOn(k);
        }
        else if (on)
        {
            slot.ChargePoint.RestorePower();
            foreach (var sessions in slot.Sessions)
            {
                sessions.Resume();
            }
        }
        else if (cutNow)
        {
            _ = CutPowerAsync(slot.ChargePoint);
        }
        else
        {
            _ = SwitchOffAsync(k, slot);
        }
    }

    /// <summary>
    /// A stage takes the charge point out of the fleet as an operator would: the drivers end their sessions, the
    /// StopTransactions are delivered (bounded wait), then the power goes; a power cut does not wait.
    /// </summary>
    private async Task SwitchOffAsync(int k, Slot slot)
    {
        try
        {
            foreach (var sessions in slot.Sessions)
            {
                await sessions.StopAsync(CancellationToken.None);
            }

            var deadline = time.GetUtcNow() + TimeSpan.FromSeconds(30);
            while (slot.ChargePoint.IsConnected && slot.ChargePoint.QueuedTransactionMessages > 0 && time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), time);
            }
        }
#pragma warning disable CA1031 // Counted; the power goes anyway.
        catch (Exception)
#pragma warning restore CA1031
        {
            metrics.Error("switch-off failed");
        }

        lock (power)
        {
            if (powered[k] || stopping)
            {
                return; // switched on again meanwhile, or the run is ending and closes it
            }
        }

        await CutPowerAsync(slot.ChargePoint);
    }

    private async Task CutPowerAsync(VirtualChargePoint chargePoint)
    {
        try
        {
            await chargePoint.CutPowerAsync();
        }
#pragma warning disable CA1031 // Counted: a charge point with backup power that could not deliver its stops still goes down.
        catch (Exception)
#pragma warning restore CA1031
        {
            metrics.Error("power cut failed");
        }
    }

    /// <summary>
    /// Has the Central System send UpdateFirmware to each powered charge point of <paramref name="victims"/>, a few at a
    /// time as an operator's campaign tool would; what the charge points then report is counted from their frames. The
    /// runner owns the task: a failure is counted as an error, never left unobserved, and <paramref name="end"/> (the
    /// end of the run) cuts the campaign short.
    /// </summary>
    private async Task FirmwareCampaignAsync(FaultInjection fault, IReadOnlyList<int> victims, CancellationToken end)
    {
        try
        {
            await AskForFirmwareAsync(fault.Firmware ?? new FirmwareCampaign("fleet-firmware.bin", null), victims, end);
        }
#pragma warning disable CA1031 // Reported in the run's errors: a campaign that fails must not end the run, nor go unseen.
        catch (Exception e)
#pragma warning restore CA1031
        {
            metrics.Error($"firmware campaign failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private async Task AskForFirmwareAsync(FirmwareCampaign campaign, IReadOnlyList<int> victims, CancellationToken end)
    {
        if (Operator is null)
        {
            metrics.Error("firmware campaign: no Central System operator API");
            return;
        }

        try
        {
            await Operator.PrepareAsync(campaign, end);
        }
        catch (OperationCanceledException) when (end.IsCancellationRequested)
        {
            // The run ended before the image was up: every charge point hit is left unasked.
        }
#pragma warning disable CA1031 // Counted: the campaign goes on, and the downloads will fail as they would.
        catch (Exception)
#pragma warning restore CA1031
        {
            metrics.Error("firmware campaign: image not uploaded");
        }

        var targets = victims.Where(k => !Faulted(k) && Volatile.Read(ref slots[k]) is not null).ToList();
        await Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (k, _) =>
        {
            if (end.IsCancellationRequested)
            {
                metrics.Firmware.WasCutShort();
                return;
            }

            (bool Sent, string? Problem) result;
            try
            {
                result = await Operator.UpdateFirmwareAsync(plan.ChargerId(firstIndex + k), campaign, end);
            }
            catch (OperationCanceledException) when (end.IsCancellationRequested)
            {
                metrics.Firmware.WasCutShort();
                return;
            }
#pragma warning disable CA1031 // Counted as not sent; one charge point's failure does not end the campaign.
            catch (Exception)
#pragma warning restore CA1031
            {
                result = (false, "no answer");
            }

            metrics.Firmware.Asked(result.Sent);
            if (!result.Sent)
            {
                metrics.Error($"firmware campaign: UpdateFirmware not sent ({result.Problem})");
            }
        });
    }

    /// <summary>Whether charge point <paramref name="k"/> is down on purpose now (switched off, power cut, network dropped).</summary>
    private bool Faulted(int k)
    {
        lock (power)
        {
            return !powered[k] || offline[k];
        }
    }

    /// <summary>The template share of the charge point at fleet index <paramref name="index"/>: a seeded weighted draw, the same in every shard.</summary>
    private TemplateShare ShareFor(int index)
    {
        if (shares.Length == 1)
        {
            return shares[0];
        }

        var draw = new SeededRandom(SeededRandom.Derive(plan.Seed, -3_000_000L - index)).NextDouble() * totalWeight;
        foreach (var share in shares)
        {
            draw -= share.Weight;
            if (draw < 0)
            {
                return share;
            }
        }

        return shares[^1];
    }

    private void PowerOn(int k)
    {
        var index = firstIndex + k;
        var id = plan.ChargerId(index);
        var share = ShareFor(index);
        VirtualChargePoint? chargePoint = null;
        var probe = new ChargerProbe(metrics);
        var connector = new TimingConnector(closes.Track(connectorFor(id, () => chargePoint)), metrics);
        chargePoint = new VirtualChargePoint(id, share.Template, connector, time, null, probe, new SharedHttpHandler(LazyInitializer.EnsureInitialized(ref http, () => new HttpMessageInvoker(FileTransfers ?? new SocketsHttpHandler(), disposeHandler: true))), new Random(unchecked((int)SeededRandom.Derive(plan.Seed, -1 - index))));

        // Issued here rather than all before the start, so that the cost (about a millisecond each) is spread over the ramp.
        var certificate = plan.Security.ClientCertificates?.Issue(id, chargePoint.Configuration.Get(Keys.CpoName), time.GetUtcNow());
        chargePoint.ProvisionCertificates(plan.Security.CentralSystemRoots, certificate, plan.Security.ClientCertificates?.Intermediates);
        var driver = new ChargePointSessionDriver(chargePoint);
        var sessions = Enumerable.Range(1, chargePoint.NumberOfConnectors)
            .Select(c => new ConnectorSessions(
                c,
                plan.IdTagFor(index, c),
                driver,
                chargePoint.Scheduler,
                plan.Sessions,
                new SeededRandom(SeededRandom.Derive(plan.Seed, ((long)index * 1000) + c)),
                Sessions,
                share.Driver,
                rate))
            .ToArray();
        var answers = share.Driver.AnswersCentralSystem
            ? chargePoint.RemoteCommands
                .Where(command => command.ConnectorId >= 1 && command.ConnectorId <= sessions.Length)
                .Subscribe(command => sessions[command.ConnectorId - 1].OnRemoteCommand(command))
            : Disposable.Empty;
        var lost = chargePoint.Connectivity.Where(up => !up).Subscribe(_ =>
        {
            // A charge point rebooting to install a firmware (OCPP 1.6 §4.5: Installing, then a new boot) leaves on purpose.
            if (!stopping && !Faulted(k) && chargePoint.FirmwareStatus != FirmwareStatus.Installing)
            {
                metrics.Error("connection lost");
            }
        });
        var slot = new Slot(chargePoint, sessions, new CompositeDisposable(lost, answers));
        Volatile.Write(ref slots[k], slot);
        Interlocked.Increment(ref started);
        probe.PoweredOn();
        bool networkDown;
        lock (power)
        {
            networkDown = offline[k];
        }

        if (networkDown)
        {
            chargePoint.DropNetwork();
        }

        chargePoint.PowerOn();
        foreach (var s in sessions)
        {
            s.Start();
        }
    }

    /// <summary>A template of the plan with the fleet's profile and password, made once: every charge point of its share uses it.</summary>
    private static ChargePointTemplate Configured(FleetPlan plan, ChargePointTemplate template)
    {
        var configuration = new Dictionary<string, string>();
        if (plan.Security.Profile is not null || plan.SecurityProfile != 0)
        {
            configuration[Keys.SecurityProfile] = plan.SecurityProfile.ToString(CultureInfo.InvariantCulture);
        }

        if (plan.Password is { } password)
        {
            configuration[Keys.AuthorizationKey] = password;
        }

        return template.WithConfiguration(configuration);
    }

    private sealed record Slot(VirtualChargePoint ChargePoint, ConnectorSessions[] Sessions, IDisposable Subscriptions) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var s in Sessions)
            {
                await s.DisposeAsync();
            }

            Subscriptions.Dispose();
            await ChargePoint.DisposeAsync();
        }
    }
}
