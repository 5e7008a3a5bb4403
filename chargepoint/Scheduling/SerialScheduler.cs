using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Runtime.ExceptionServices;

namespace OcppLab.ChargePoint.Scheduling;

/// <summary>
/// The one scheduler of a charge point: work runs one item at a time, in the order it was posted, on the
/// thread pool, so the charge point's state needs no locks. Timers come from the clock scheduler (the
/// default scheduler in production, a HistoricalScheduler in tests) and post their work here; an await
/// inside work resumes here too (a <see cref="SynchronizationContext"/>). The charge point is idle when
/// nothing is due here: nothing queued, nothing running, no awaited I/O whose continuation will come here.
/// </summary>
internal sealed class SerialScheduler : IScheduler
{
    [ThreadStatic]
    private static SerialScheduler? running;

    private readonly IScheduler clock;
    private readonly Action<Exception> unhandled;
    private readonly Lock gate = new();
    private readonly Queue<Action> due = new();
    private readonly List<TaskCompletionSource> idleWaiters = [];
    private readonly SerialSynchronizationContext context;
    private bool draining;
    private int awaiting;
    private bool stopped;

    public SerialScheduler(IScheduler clock, Action<Exception> unhandled)
    {
        this.clock = clock;
        this.unhandled = unhandled;
        context = new SerialSynchronizationContext(this);
    }

    public DateTimeOffset Now => clock.Now;

    /// <summary>Whether the calling code runs on this scheduler.</summary>
    public bool IsCurrent => ReferenceEquals(running, this);

    /// <summary>Queues <paramref name="action"/>; nothing runs after <see cref="Stop"/>.</summary>
    public void Post(Action action)
    {
        lock (gate)
        {
            if (stopped)
            {
                return;
            }

            due.Enqueue(action);
            if (draining)
            {
                return;
            }

            draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Drain(), this, preferLocal: false);
    }

    /// <summary>
    /// Runs <paramref name="action"/> on the scheduler without waiting for other work: at once when already on
    /// it, on the calling thread when nothing else is due, otherwise queued behind the work ahead of it.
    /// </summary>
    public void Run(Action action)
    {
        if (IsCurrent)
        {
            action();
        }
        else if (TryClaim())
        {
            DrainOnThisThread(action);
        }
        else
        {
            Post(action);
        }
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the scheduler and returns its result: at once when already on it, on the
    /// calling thread when nothing else is due (the caller drains what its work posts), otherwise after the
    /// work ahead of it.
    /// </summary>
    public T Invoke<T>(Func<T> read)
    {
        if (IsCurrent)
        {
            return read();
        }

        if (TryClaim())
        {
            var result = default(T)!;
            DrainOnThisThread(() => result = read());
            return result;
        }

        lock (gate)
        {
            if (stopped)
            {
                // Nothing runs any more: the state can be read as it was left.
                return read();
            }
        }

        return InvokeAsync(() => Task.FromResult(read())).GetAwaiter().GetResult();
    }

    /// <summary>Starts <paramref name="work"/> on the scheduler; its awaits resume there.</summary>
    public Task<T> InvokeAsync<T>(Func<Task<T>> work)
    {
        if (IsCurrent)
        {
            return work();
        }

        if (TryClaim())
        {
            Task<T> started = null!;
            DrainOnThisThread(() => started = work());
            return started;
        }

        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (stopped)
            {
                completion.SetCanceled();
                return completion.Task;
            }
        }

        Post(() => _ = ForwardAsync(work, completion));
        return completion.Task;
    }

    /// <summary>
    /// Starts I/O (a CALL, a connection attempt, a file transfer) from work on this scheduler and awaits it,
    /// counting it as due work until its continuation has run here. The I/O itself starts without this
    /// scheduler as its context, so that its own awaits (receive loops, pumps) stay off the charge point.
    /// </summary>
    public async Task<T> Await<T>(Func<Task<T>> start)
    {
        BeginAwait();
        try
        {
            return await StartOutside(start);
        }
        finally
        {
            EndAwait();
        }
    }

    /// <inheritdoc cref="Await{T}(Func{Task{T}})"/>
    public async Task Await(Func<Task> start)
    {
        BeginAwait();
        try
        {
            await StartOutside(start);
        }
        finally
        {
            EndAwait();
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
        var timer = clock.Schedule(dueTime, () => Post(() =>
        {
            if (!cancel.IsDisposed)
            {
                inner.Disposable = action(this, state);
            }
        }));
        return StableCompositeDisposable.Create(cancel, timer, inner);
    }

    public IDisposable Schedule<TState>(TState state, DateTimeOffset dueTime, Func<IScheduler, TState, IDisposable> action) =>
        Schedule(state, dueTime - clock.Now, action);

    private bool IsIdle => !draining && due.Count == 0 && awaiting <= 0;

    /// <summary>Runs <paramref name="work"/> (on the scheduler) and hands its outcome to <paramref name="completion"/>.</summary>
    private static async Task ForwardAsync<T>(Func<Task<T>> work, TaskCompletionSource<T> completion)
    {
        try
        {
            completion.TrySetResult(await work());
        }
        catch (OperationCanceledException)
        {
            completion.TrySetCanceled();
        }
#pragma warning disable CA1031 // The caller receives the failure through its task.
        catch (Exception e)
#pragma warning restore CA1031
        {
            completion.TrySetException(e);
        }
    }

    private static TTask StartOutside<TTask>(Func<TTask> start)
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return start();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
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
