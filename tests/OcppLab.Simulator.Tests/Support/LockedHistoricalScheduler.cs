using System.Reactive.Concurrency;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// System.Reactive's HistoricalScheduler is not thread-safe. The charge point's own scheduler runs on the
/// thread pool when an answer arrives, and may set a timer while the test thread advances the clock: this
/// wrapper serializes every access to the clock.
/// </summary>
internal sealed class LockedHistoricalScheduler(DateTimeOffset start) : IScheduler
{
    private readonly HistoricalScheduler inner = new(start);
    private readonly object gate = new();

    public DateTimeOffset Now
    {
        get
        {
            lock (gate)
            {
                return inner.Now;
            }
        }
    }

    public void AdvanceBy(TimeSpan time)
    {
        lock (gate)
        {
            inner.AdvanceBy(time);
        }
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return Locked(inner.Schedule(state, (_, s) => action(this, s)));
        }
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return Locked(inner.Schedule(state, dueTime, (_, s) => action(this, s)));
        }
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return Locked(inner.Schedule(state, dueTime, (_, s) => action(this, s)));
        }
    }

    private LockedDisposable Locked(IDisposable disposable) => new LockedDisposable(gate, disposable);

    private sealed class LockedDisposable(object gate, IDisposable inner) : IDisposable
    {
        public void Dispose()
        {
            lock (gate)
            {
                inner.Dispose();
            }
        }
    }
}
