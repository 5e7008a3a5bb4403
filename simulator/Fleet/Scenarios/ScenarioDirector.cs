using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// Plays a <see cref="Scenario"/> on a fleet's shard, on the injected scheduler: each charge point is switched on
/// and off at the times the stages give it, each fault hits its drawn share of the charge points and ends after
/// its duration, and the session rate follows the stages once a second.
/// </summary>
internal sealed class ScenarioDirector(Scenario scenario, IFleetControls fleet, IScheduler scheduler, SessionRate rate, long seed)
{
    /// <summary>Schedules everything; disposing the result cancels what has not happened yet.</summary>
    public IDisposable Start(Range shard, int fleetSize)
    {
        var all = new CompositeDisposable();
        var (first, size) = shard.GetOffsetAndLength(fleetSize);
        foreach (var e in scenario.PowerEvents(shard, fleetSize))
        {
            var k = e.Index - first;
            var on = e.On;
            all.Add(scheduler.Schedule(e.At, () => fleet.SetWanted(k, on)));
        }

        for (var f = 0; f < scenario.Faults.Count; f++)
        {
            var fault = scenario.Faults[f];
            var victims = Victims(f, fault.Fraction, size);
            all.Add(scheduler.Schedule(fault.At, () =>
            {
                fleet.Inject(fault, victims, hit: true);
                all.Add(scheduler.Schedule(fault.Duration, () => fleet.Inject(fault, victims, hit: false)));
            }));
        }

        if (scenario.Stages.Any(s => Math.Abs(s.SessionRate - 1) > 1e-9))
        {
            var start = scheduler.Now;
            rate.Current = scenario.SessionRateAt(TimeSpan.Zero);
            all.Add(Observable.Interval(TimeSpan.FromSeconds(1), scheduler).Subscribe(_ => rate.Current = scenario.SessionRateAt(scheduler.Now - start)));
        }

        return all;
    }

    /// <summary>The shard's charge points fault <paramref name="number"/> hits: a seeded draw of round(fraction × size) of them, without repeats.</summary>
    private int[] Victims(int number, double fraction, int size)
    {
        var random = new SeededRandom(SeededRandom.Derive(seed, -2_000_000L - number));
        var order = Enumerable.Range(0, size).ToArray();
        var count = (int)Math.Round(fraction * size, MidpointRounding.AwayFromZero);
        for (var i = 0; i < count; i++)
        {
            var j = i + (int)(random.NextDouble() * (size - i));
            (order[i], order[j]) = (order[j], order[i]);
        }

        return order[..count];
    }
}
