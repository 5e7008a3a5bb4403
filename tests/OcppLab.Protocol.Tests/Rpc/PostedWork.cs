using System.Threading.Channels;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// A synchronization context that only queues what is posted to it, so that a test decides when an awaiting
/// method resumes: code started under it resumes only inside <see cref="RunUntilAsync"/>.
/// </summary>
internal sealed class PostedWork : SynchronizationContext
{
    private readonly Channel<(SendOrPostCallback Callback, object? State)> posted = Channel.CreateUnbounded<(SendOrPostCallback, object?)>();

    public override void Post(SendOrPostCallback d, object? state) => posted.Writer.TryWrite((d, state));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Only posted work is queued.");

    /// <summary>Starts <paramref name="start"/> under this context and returns what it returned.</summary>
    public T Start<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Runs posted work, in order, until <paramref name="task"/> has completed.</summary>
    public async Task RunUntilAsync(Task task)
    {
        while (!task.IsCompleted)
        {
            var next = posted.Reader.WaitToReadAsync().AsTask();
            await Task.WhenAny(task, next).Guarded();
            while (posted.Reader.TryRead(out var work))
            {
                Start(() =>
                {
                    work.Callback(work.State);
                    return 0;
                });
            }
        }
    }
}
