using System.Reactive.Concurrency;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class SessionArrivalTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task The_same_seed_gives_the_same_sessions_in_virtual_time()
    {
        var first = await RunAsync(seed: 42, hours: 10);
        var second = await RunAsync(seed: 42, hours: 10);
        var other = await RunAsync(seed: 43, hours: 10);

        Assert.That(second.Log, Is.EqualTo(first.Log));
        Assert.That(other.Log, Is.Not.EqualTo(first.Log));
    }

    [Test]
    public async Task Sessions_arrive_at_the_rate_of_the_mean_gap_and_length()
    {
        // 10 connectors, each cycling through a 60 s mean gap and a 60 s mean charge: about 10 × 36,000 s / 120 s.
        var run = await RunAsync(seed: 7, hours: 10);

        Assert.That(run.Counters.Started, Is.EqualTo(3000).Within(5).Percent);
        Assert.That(run.Counters.Completed, Is.InRange(run.Counters.Started - 10, run.Counters.Started));
        Assert.That(run.Counters.Refused + run.Counters.Skipped + run.Counters.Failed, Is.Zero);
        Assert.That(run.Log.Where(e => e.Kind == "begin").Select(e => e.Demand), Has.All.InRange(8m, 24m));
    }

    [Test]
    public async Task Stopping_ends_every_running_session_and_no_other_starts()
    {
        var scheduler = new HistoricalScheduler(Start);
        var driver = new RecordingDriver(scheduler);
        var counters = new SessionCounters();
        var connectors = Make(10, seed: 3, scheduler, driver, counters);
        scheduler.AdvanceBy(TimeSpan.FromMinutes(30));
        var running = connectors.Count(c => c.Charging);

        foreach (var c in connectors)
        {
            await c.StopAsync(CancellationToken.None);
        }

        var ended = driver.Log.Count;
        scheduler.AdvanceBy(TimeSpan.FromHours(1));

        Assert.That(running, Is.GreaterThan(0));
        Assert.That(counters.Completed, Is.EqualTo(counters.Started));
        Assert.That(driver.Log, Has.Count.EqualTo(ended));
        Assert.That(connectors.Select(c => c.Charging), Has.All.False);
    }

    [Test]
    public async Task A_refused_card_or_an_offline_charge_point_is_counted_and_the_connector_tries_again_later()
    {
        var scheduler = new HistoricalScheduler(Start);
        var driver = new RecordingDriver(scheduler) { Accept = false };
        var counters = new SessionCounters();
        var connectors = Make(1, seed: 5, scheduler, driver, counters);
        scheduler.AdvanceBy(TimeSpan.FromMinutes(30));
        driver.Ready = false;
        var refused = counters.Refused;
        scheduler.AdvanceBy(TimeSpan.FromMinutes(30));

        Assert.That(refused, Is.GreaterThan(5));
        Assert.That(counters.Skipped, Is.GreaterThan(5));
        Assert.That(counters.Started, Is.Zero);
        await connectors[0].DisposeAsync();
    }

    private static async Task<(List<Entry> Log, SessionCounters Counters)> RunAsync(long seed, int hours)
    {
        var scheduler = new HistoricalScheduler(Start);
        var driver = new RecordingDriver(scheduler);
        var counters = new SessionCounters();
        var connectors = Make(10, seed, scheduler, driver, counters);
        scheduler.AdvanceBy(TimeSpan.FromHours(hours));
        foreach (var c in connectors)
        {
            await c.DisposeAsync();
        }

        return (driver.Log, counters);
    }

    private static List<ConnectorSessions> Make(int count, long seed, IScheduler scheduler, ISessionDriver driver, SessionCounters counters)
    {
        var profile = new SessionProfile { MeanGap = TimeSpan.FromSeconds(60), MeanLength = TimeSpan.FromSeconds(60), MeanDemandAmperes = 16, MaxDemandAmperes = 32 };
        var connectors = Enumerable.Range(1, count)
            .Select(i => new ConnectorSessions(i, $"TAG{i}", driver, scheduler, profile, new SeededRandom(SeededRandom.Derive(seed, i)), counters))
            .ToList();
        connectors.ForEach(c => c.Start());
        return connectors;
    }

    internal sealed record Entry(DateTimeOffset At, string Kind, int Connector, decimal Demand);

    /// <summary>A charge point that answers at once, and records when each connector starts and ends.</summary>
    private sealed class RecordingDriver(IScheduler scheduler) : ISessionDriver
    {
        public List<Entry> Log { get; } = [];

        public bool Accept { get; set; } = true;

        public bool Ready { get; set; } = true;

        public bool IsReady => Ready;

        public Task<bool> BeginAsync(int connectorId, string idTag, decimal evDemandAmperes, CancellationToken cancellationToken)
        {
            Log.Add(new Entry(scheduler.Now, "begin", connectorId, evDemandAmperes));
            return Task.FromResult(Accept);
        }

        public bool PlugIn(int connectorId, decimal evDemandAmperes)
        {
            Log.Add(new Entry(scheduler.Now, "plug in", connectorId, evDemandAmperes));
            return Accept;
        }

        public void Unplug(int connectorId) => Log.Add(new Entry(scheduler.Now, "unplug", connectorId, 0));

        public Task EndAsync(int connectorId, string idTag, CancellationToken cancellationToken)
        {
            Log.Add(new Entry(scheduler.Now, "end", connectorId, 0));
            return Task.CompletedTask;
        }
    }
}
