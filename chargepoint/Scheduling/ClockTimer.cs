namespace OcppLab.ChargePoint.Scheduling;

/// <summary>
/// One timer of a charge point on its <see cref="TimeProvider"/>. The timer's callback state is this object,
/// which holds the timer: a system timer is then kept alive by its own queue until it fires or is disposed,
/// even when nobody else keeps the returned disposable. A wait longer than a timer takes (about 49 days, e.g.
/// a session that in practice never comes) is made of several.
/// </summary>
internal sealed class ClockTimer : IDisposable
{
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly TimeProvider time;
    private readonly Action elapsed;
    private TimeSpan remaining;
    private ITimer? timer;
    private volatile bool disposed;

    private ClockTimer(TimeProvider time, Action elapsed)
    {
        this.time = time;
        this.elapsed = elapsed;
    }

    /// <summary>Runs <paramref name="elapsed"/> once, after <paramref name="dueTime"/> on <paramref name="time"/>.</summary>
    public static ClockTimer Start(TimeProvider time, TimeSpan dueTime, Action elapsed)
    {
        var clockTimer = new ClockTimer(time, elapsed);
        clockTimer.Arm(dueTime);
        return clockTimer;
    }

    public void Dispose()
    {
        disposed = true;
        timer?.Dispose();
    }

    private void Arm(TimeSpan dueTime)
    {
        var wait = dueTime > Longest ? Longest : dueTime;
        remaining = dueTime - wait;
        if (ExecutionContext.IsFlowSuppressed())
        {
            timer = time.CreateTimer(static s => ((ClockTimer)s!).OnTick(), this, wait, Timeout.InfiniteTimeSpan);
            return;
        }

        // The callback hands its work to the charge point's scheduler, whose work runs without the execution context
        // of whoever scheduled it (its pool items flow none), also when the scheduler drains it on the timer's thread:
        // the timer captures none either.
        using (ExecutionContext.SuppressFlow())
        {
            timer = time.CreateTimer(static s => ((ClockTimer)s!).OnTick(), this, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTick()
    {
        if (disposed)
        {
            return;
        }

        if (remaining > TimeSpan.Zero)
        {
            timer?.Dispose();
            Arm(remaining);
            return;
        }

        elapsed();
    }
}
