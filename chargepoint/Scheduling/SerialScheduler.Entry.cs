using System.Runtime.CompilerServices;

namespace OcppLab.ChargePoint.Scheduling;

/// <summary>
/// The ways into a charge point's scheduler from code that does not run on it: the driving API and the
/// façade's reads (<see cref="Run"/>, <see cref="Invoke{T}"/>, <see cref="InvokeAsync{T}"/>) and I/O started
/// from work on it (<see cref="Await{T}(Func{Task{T}})"/>), which counts as due work until it comes back.
/// </summary>
internal sealed partial class SerialScheduler
{
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
        var fromHere = IsCurrent;
        BeginAwait();
        try
        {
            var io = StartOutside(start);
            if (!fromHere)
            {
                return await io;
            }

            try
            {
                return await io.ConfigureAwait(false);
            }
            finally
            {
                await new Reentry(this);
            }
        }
        finally
        {
            EndAwait();
        }
    }

    /// <inheritdoc cref="Await{T}(Func{Task{T}})"/>
    public async Task Await(Func<Task> start)
    {
        var fromHere = IsCurrent;
        BeginAwait();
        try
        {
            var io = StartOutside(start);
            if (!fromHere)
            {
                await io;
                return;
            }

            try
            {
                await io.ConfigureAwait(false);
            }
            finally
            {
                await new Reentry(this);
            }
        }
        finally
        {
            EndAwait();
        }
    }

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

    /// <summary>
    /// Queues the rest of an <see cref="Await{T}(Func{Task{T}})"/> on this scheduler once its I/O has completed, on the
    /// thread that completed it. That thread is a pool thread at the end of the I/O's own continuations (the endpoint
    /// answering a CALL, a connection opening): the work is drained there rather than queued for yet another pool
    /// thread, which saves a thread hand-off for every answer a charge point receives. Anywhere else (a thread that
    /// is not the pool's, or one running another charge point's work) it is only queued, as <see cref="Post"/> does.
    /// </summary>
    private void PostFromIo(Action continuation)
    {
        if (!Thread.CurrentThread.IsThreadPoolThread || running is not null || SynchronizationContext.Current is not null)
        {
            Post(continuation);
            return;
        }

        if (EnqueueAndClaim(continuation))
        {
            Drain();
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

    /// <summary>Resumes an async method on the scheduler, from whichever thread it was on (see <see cref="PostFromIo"/>).</summary>
    private readonly struct Reentry(SerialScheduler owner) : ICriticalNotifyCompletion
    {
        public bool IsCompleted => owner.IsCurrent;

        public Reentry GetAwaiter() => this;

        public void GetResult()
        {
        }

        public void OnCompleted(Action continuation) => owner.PostFromIo(continuation);

        public void UnsafeOnCompleted(Action continuation) => owner.PostFromIo(continuation);
    }
}
