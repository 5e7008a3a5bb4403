namespace OcppLab.ChargePoint;

/// <summary>
/// Knows whether the charge point has work in progress that needs no further time to pass: calls in
/// flight, inbound calls being answered, connection attempts. Virtual-time tests wait for it to go idle
/// before they advance the clock, which keeps them deterministic without sleeping.
/// </summary>
internal sealed class ActivityTracker
{
    private readonly Lock sync = new();
    private readonly List<TaskCompletionSource> waiters = [];
    private readonly Func<bool> hasRunnableWork;
    private int busy;

    public ActivityTracker(Func<bool> hasRunnableWork) => this.hasRunnableWork = hasRunnableWork;

    public void Begin()
    {
        lock (sync)
        {
            busy++;
        }
    }

    public void End()
    {
        lock (sync)
        {
            busy--;
        }

        Poke();
    }

    /// <summary>Re-checks idleness after the state changed.</summary>
    public void Poke()
    {
        List<TaskCompletionSource> done;
        lock (sync)
        {
            if (busy > 0 || waiters.Count == 0 || hasRunnableWork())
            {
                return;
            }

            done = [.. waiters];
            waiters.Clear();
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            waiters.Add(waiter);
        }

        Poke();
        return waiter.Task.WaitAsync(cancellationToken);
    }
}
