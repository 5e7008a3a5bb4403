using System.Reactive.Concurrency;
using Microsoft.Extensions.Time.Testing;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The virtual clock of a charge-point case: System.Reactive's HistoricalScheduler for the charge point's
/// timers and a FakeTimeProvider for its timestamps, always advanced together. HistoricalScheduler is
/// not thread-safe and the charge point schedules from its send loop too, so every access is serialized.
/// </summary>
public sealed class VirtualTime : IScheduler
{
    /// <summary>A fixed start on a minute boundary, so clock-aligned intervals (OCTT TC_071) are easy to read.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private readonly HistoricalScheduler inner = new(Start);
    private readonly Lock gate = new();

    public FakeTimeProvider Clock { get; } = new(Start);

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

    /// <summary>Moves both clocks forward by <paramref name="step"/>; the caller lets the charge point settle.</summary>
    public void Advance(TimeSpan step)
    {
        Clock.Advance(step);
        lock (gate)
        {
            inner.AdvanceBy(step);
        }
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return new Locked(gate, inner.Schedule(state, (_, s) => action(this, s)));
        }
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return new Locked(gate, inner.Schedule(state, dueTime, (_, s) => action(this, s)));
        }
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        lock (gate)
        {
            return new Locked(gate, inner.Schedule(state, dueTime, (_, s) => action(this, s)));
        }
    }

    private sealed class Locked(Lock gate, IDisposable inner) : IDisposable
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
