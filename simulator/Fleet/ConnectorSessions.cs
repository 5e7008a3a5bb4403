using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet.Scenarios;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The session arrival process of one connector, on the injected scheduler (virtual time in tests): an
/// exponential idle gap, then plug-in and card, an exponential charging time, then card again and unplug,
/// and the next gap. One timer at a time, no thread of its own. The driver also answers the Central System: an
/// accepted remote start brings an EV that plugs in after a delay (the transaction starts), and a remote stop or
/// an unlock sends the driver away with the cable.
/// </summary>
public sealed class ConnectorSessions : IAsyncDisposable
{
    private readonly Lock sync = new();
    private readonly int connectorId;
    private readonly string idTag;
    private readonly ISessionDriver driver;
    private readonly IScheduler scheduler;
    private readonly SessionProfile profile;
    private readonly DriverProfile drivers;
    private readonly SessionRate rate;
    private readonly SeededRandom random;
    private readonly SessionCounters counters;
    private readonly SerialDisposable timer = new();
    private readonly CancellationTokenSource lifetime = new();
    private Task running = Task.CompletedTask;
    private bool charging;
    private bool comingForRemoteStart;
    private bool stopped;
    private bool disposed;
    private bool arriving;
    private string sessionTag;

    public ConnectorSessions(int connectorId, string idTag, ISessionDriver driver, IScheduler scheduler, SessionProfile profile, SeededRandom random, SessionCounters counters, DriverProfile? drivers = null, SessionRate? rate = null)
    {
        this.rate = rate ?? SessionRate.Constant;
        sessionTag = idTag;
        this.drivers = drivers ?? new DriverProfile();
        this.connectorId = connectorId;
        this.idTag = idTag;
        this.driver = driver;
        this.scheduler = scheduler;
        this.profile = profile;
        this.random = random;
        this.counters = counters;
    }

    /// <summary>Whether a session runs on the connector now.</summary>
    public bool Charging
    {
        get
        {
            lock (sync)
            {
                return charging;
            }
        }
    }

    /// <summary>Starts the arrival process: the first EV arrives after one gap. Without it, only the Central System brings EVs.</summary>
    public void Start()
    {
        lock (sync)
        {
            arriving = true;
        }

        ScheduleArrival();
    }

    /// <summary>
    /// Acts on a request of the Central System the charge point accepted for this connector. A remote start on an
    /// idle connector replaces the next arrival with an EV that plugs in after a drawn delay; a remote stop or an
    /// unlock of a running session makes the driver take the cable out after a drawn delay. A connector where a
    /// driver is already busy (card on the wire, EV on its way) ignores the request, as that driver would.
    /// </summary>
    public void OnRemoteCommand(RemoteCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        lock (sync)
        {
            if (stopped || !running.IsCompleted || comingForRemoteStart)
            {
                return;
            }

            if (command.Kind == RemoteCommandKind.Start)
            {
                if (charging || command.IdTag is not { } tag)
                {
                    return;
                }

                comingForRemoteStart = true;
                timer.Disposable = scheduler.Schedule(drivers.DrawPlugInDelay(random), () => PlugInForRemoteStart(tag));
                return;
            }

            if (!charging)
            {
                return;
            }

            charging = false;
            timer.Disposable = scheduler.Schedule(drivers.DrawUnplugDelay(random), LeaveAfterRemoteEnd);
        }
    }

    /// <summary>Stops arrivals and ends a running session the way a driver would (card, unplug).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task inProgress;
        lock (sync)
        {
            if (stopped)
            {
                return;
            }

            stopped = true;
            timer.Dispose();
            inProgress = running;
        }

        // A start or stop that is on the wire finishes first, so the session ends in a known state.
        await inProgress.WaitAsync(cancellationToken);
        bool end;
        lock (sync)
        {
            end = charging;
            charging = false;
        }

        if (end)
        {
            await EndAsync(cancellationToken);
        }
    }

    /// <summary>Starts the arrivals again after <see cref="StopAsync"/> (the charge point was switched on again).</summary>
    public void Resume()
    {
        lock (sync)
        {
            if (disposed || !stopped)
            {
                return;
            }

            stopped = false;
        }

        ScheduleArrival();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        lock (sync)
        {
            stopped = true;
            disposed = true;
        }

        timer.Dispose();
        await lifetime.CancelAsync();
        lifetime.Dispose();
    }

    private void ScheduleArrival()
    {
        lock (sync)
        {
            if (stopped || !arriving)
            {
                return;
            }

            timer.Disposable = scheduler.Schedule(random.Exponential(profile.MeanGap / rate.Max), Arrive);
        }
    }

    private void Arrive()
    {
        // Below the run's highest rate, keep the arrival with probability current / max (thinning).
        var now = rate.Current;
        if (now < rate.Max && random.NextDouble() * rate.Max >= now)
        {
            ScheduleArrival();
            return;
        }

        counters.Arrived();
        if (!driver.IsReady)
        {
            counters.Skip();
            ScheduleArrival();
            return;
        }

        var demand = profile.DrawDemand(random);
        var length = profile.DrawLength(random);
        lock (sync)
        {
            if (stopped)
            {
                return;
            }

            running = BeginAsync(demand, length);
        }
    }

    private async Task BeginAsync(decimal demand, TimeSpan length)
    {
        bool accepted;
        try
        {
            accepted = await driver.BeginAsync(connectorId, idTag, demand, lifetime.Token);
        }
#pragma warning disable CA1031 // A failed arrival is counted and the connector carries on.
        catch (Exception)
#pragma warning restore CA1031
        {
            counters.Fail();
            ScheduleArrival();
            return;
        }

        if (!accepted)
        {
            counters.Refuse();
            ScheduleArrival();
            return;
        }

        BeginCharging(idTag, length);
    }

    private void PlugInForRemoteStart(string tag)
    {
        decimal demand;
        TimeSpan length;
        lock (sync)
        {
            comingForRemoteStart = false;
            if (stopped)
            {
                return;
            }

            demand = profile.DrawDemand(random);
            length = profile.DrawLength(random);
        }

        counters.Arrived();
        if (!driver.PlugIn(connectorId, demand))
        {
            // The authorization lapsed (ConnectionTimeOut) or the connector became unusable: the driver leaves.
            driver.Unplug(connectorId);
            counters.Refuse();
            ScheduleArrival();
            return;
        }

        counters.RemoteStart();
        BeginCharging(tag, length);
    }

    /// <summary>A transaction started with <paramref name="tag"/>: the driver leaves after <paramref name="length"/>.</summary>
    private void BeginCharging(string tag, TimeSpan length)
    {
        counters.Start();
        lock (sync)
        {
            charging = true;
            sessionTag = tag;
            if (stopped)
            {
                return; // StopAsync ends it
            }

            timer.Disposable = scheduler.Schedule(length, Depart);
        }
    }

    private void LeaveAfterRemoteEnd()
    {
        lock (sync)
        {
            if (stopped)
            {
                return;
            }
        }

        driver.Unplug(connectorId);
        counters.Complete();
        counters.RemoteEnd();
        ScheduleArrival();
    }

    private void Depart()
    {
        lock (sync)
        {
            if (stopped || !charging)
            {
                return;
            }

            charging = false;
            running = DepartAsync();
        }
    }

    private async Task DepartAsync()
    {
        await EndAsync(lifetime.Token);
        ScheduleArrival();
    }

    private async Task EndAsync(CancellationToken cancellationToken)
    {
        try
        {
            string tag;
            lock (sync)
            {
                tag = sessionTag;
            }

            await driver.EndAsync(connectorId, tag, cancellationToken);
            counters.Complete();
        }
#pragma warning disable CA1031 // Counted; the charge point's own queue still delivers the StopTransaction.
        catch (Exception)
#pragma warning restore CA1031
        {
            counters.Fail();
            counters.Complete();
        }
    }
}
