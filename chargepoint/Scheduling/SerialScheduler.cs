using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Runtime.ExceptionServices;

namespace OcppLab.ChargePoint.Scheduling;

/// <summary>
/// The one scheduler of a charge point: work runs one item at a time, in the order it was posted, on the
/// thread pool, so the charge point's state needs no locks. Timers come from the charge point's
/// <see cref="TimeProvider"/> (the system clock in production, a FakeTimeProvider in tests; both may be used
/// from any thread) and post their work here; an await
/// inside work resumes here too (a <see cref="SynchronizationContext"/>). The charge point is idle when
/// nothing is due here: nothing queued, nothing running, no awaited I/O whose continuation will come here.
/// </summary>
internal sealed partial class SerialScheduler : IScheduler
{
    [ThreadStatic]
    private static SerialScheduler? running;

    private readonly TimeProvider time;
    private readonly Action<Exception> unhandled;
    private readonly Lock gate = new();
    private readonly Queue<Action> due = new();
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly SerialSynchronizationContext context;
    private bool draining;
    private int awaiting;
    private bool stopped;

    public SerialScheduler(TimeProvider time, Action<Exception> unhandled)
    {
        this.time = time;
        this.unhandled = unhandled;
        context = new SerialSynchronizationContext(this);
    }

    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Whether the calling code runs on this scheduler.</summary>
    public bool IsCurrent => ReferenceEquals(running, this);

    /// <summary>Queues <paramref name="action"/>; nothing runs after <see cref="Stop"/>.</summary>
    public void Post(Action action)
    {
        if (EnqueueAndClaim(action))
        {
            ThreadPool.UnsafeQueueUserWorkItem(static s => s.Drain(), this, preferLocal: false);
        }
    }

    /// <summary>Counts work that will come back to this scheduler from elsewhere (an inbound CALL being answered).</summary>
    public void BeginAwait()
    {
        lock (gate)
        {
            awaiting++;
        }
    }

    /// <summary>The counterpart of <see cref="BeginAwait"/>.</summary>
    public void EndAwait()
    {
        lock (gate)
        {
            awaiting--;
        }

        SignalIfIdle();
    }

    /// <summary>Completes when nothing is due on the scheduler.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (IsIdle)
            {
                return Task.CompletedTask;
            }

            idleWaiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Drops whatever is queued and accepts no more work.</summary>
    public void Stop()
    {
        lock (gate)
        {
            stopped = true;
            due.Clear();
            awaiting = 0;
        }

        SignalIfIdle();
    }

    public IDisposable Schedule<TState>(TState state, Func<IScheduler, TState, IDisposable> action)
    {
        var cancel = new BooleanDisposable();
        var inner = new SingleAssignmentDisposable();
        Post(() =>
        {
            if (!cancel.IsDisposed)
            {
                inner.Disposable = action(this, state);
            }
        });
        return StableCompositeDisposable.Create(cancel, inner);
    }

    public IDisposable Schedule<TState>(TState state, TimeSpan dueTime, Func<IScheduler, TState, IDisposable> action)
    {
        var cancel = new BooleanDisposable();
        var inner = new SingleAssignmentDisposable();
        void Work()
        {
            if (!cancel.IsDisposed)
            {
                inner.Disposable = action(this, state);
            }
        }

        if (dueTime <= TimeSpan.Zero)
        {
            Post(Work);
            return StableCompositeDisposable.Create(cancel, inner);
        }

        return StableCompositeDisposable.Create(cancel, ClockTimer.Start(time, dueTime, () => PostFromTimer(Work)), inner);
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - Now, action);

    private bool IsIdle => !draining && due.Count == 0 && awaiting <= 0;

    /// <summary>
    /// Queues the work of a timer that has come due. The system clock calls its timers back on a pool thread that has
    /// nothing else to do, so the work is drained there instead of being queued for another pool thread: one thread
    /// hand-off less for every MeterValues, Heartbeat and session step of a fleet. Any other clock (a FakeTimeProvider)
    /// calls back on the thread that moves its time on, where the work is only queued, as <see cref="Post"/> does.
    /// </summary>
    private void PostFromTimer(Action action)
    {
        if (!ReferenceEquals(time, TimeProvider.System) || !Thread.CurrentThread.IsThreadPoolThread || running is not null)
        {
            Post(action);
            return;
        }

        if (EnqueueAndClaim(action))
        {
            Drain();
        }
    }

    /// <summary>Queues <paramref name="action"/> and says whether the caller became the drainer (nothing was draining).</summary>
    private bool EnqueueAndClaim(Action action)
    {
        lock (gate)
        {
            if (stopped)
            {
                return false;
            }

            due.Enqueue(action);
            if (draining)
            {
                return false;
            }

            draining = true;
            return true;
        }
    }

    /// <summary>Becomes the drainer when nothing is queued or running.</summary>
    private bool TryClaim()
    {
        lock (gate)
        {
            if (draining || stopped)
            {
                return false;
            }

            draining = true;
            return true;
        }
    }

    private void Drain() => DrainOnThisThread(null);

    /// <summary>Runs <paramref name="first"/> (its failure goes to the caller), then everything queued, until the queue is empty.</summary>
    private void DrainOnThisThread(Action? first)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        running = this;
        ExceptionDispatchInfo? failure = null;
        try
        {
            try
            {
                first?.Invoke();
            }
#pragma warning disable CA1031 // Rethrown to the caller once the queue is drained.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            while (true)
            {
                Action next;
                lock (gate)
                {
                    if (due.Count == 0)
                    {
                        draining = false;
                        break;
                    }

                    next = due.Dequeue();
                }

                try
                {
                    next();
                }
#pragma warning disable CA1031 // One failing piece of work must not stop the charge point.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    unhandled(e);
                }
            }
        }
        finally
        {
            running = null;
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        SignalIfIdle();
        failure?.Throw();
    }

    private void SignalIfIdle()
    {
        List<TaskCompletionSource> done;
        lock (gate)
        {
            if (!IsIdle || idleWaiters.Count == 0)
            {
                return;
            }

            done = [.. idleWaiters];
            idleWaiters.Clear();
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }
}
