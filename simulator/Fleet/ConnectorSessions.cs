using System.Reactive.Concurrency;
using System.Reactive.Disposables;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The session arrival process of one connector, on the injected scheduler (virtual time in tests): an
/// exponential idle gap, then plug-in and card, an exponential charging time, then card again and unplug,
/// and the next gap. One timer at a time, no thread of its own.
/// </summary>
public sealed class ConnectorSessions : IAsyncDisposable
{
    private readonly Lock sync = new();
    private readonly int connectorId;
    private readonly string idTag;
    private readonly ISessionDriver driver;
    private readonly IScheduler scheduler;
    private readonly SessionProfile profile;
    private readonly SeededRandom random;
    private readonly SessionCounters counters;
    private readonly SerialDisposable timer = new();
    private readonly CancellationTokenSource lifetime = new();
    private Task running = Task.CompletedTask;
    private bool charging;
    private bool stopped;

    public ConnectorSessions(int connectorId, string idTag, ISessionDriver driver, IScheduler scheduler, SessionProfile profile, SeededRandom random, SessionCounters counters)
    {
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

    /// <summary>Starts the process: the first EV arrives after one gap.</summary>
    public void Start() => ScheduleArrival();

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

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        lock (sync)
        {
            stopped = true;
        }

        timer.Dispose();
        await lifetime.CancelAsync();
        lifetime.Dispose();
    }

    private void ScheduleArrival()
    {
        lock (sync)
        {
            if (stopped)
            {
                return;
            }

            timer.Disposable = scheduler.Schedule(random.Exponential(profile.MeanGap), Arrive);
        }
    }

    private void Arrive()
    {
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

        counters.Start();
        lock (sync)
        {
            charging = true;
            if (stopped)
            {
                return; // StopAsync ends it
            }

            timer.Disposable = scheduler.Schedule(length, Depart);
        }
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
            await driver.EndAsync(connectorId, idTag, cancellationToken);
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
