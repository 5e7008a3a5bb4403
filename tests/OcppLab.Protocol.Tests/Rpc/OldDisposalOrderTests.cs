using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// The disposal order that turned a Reset whose station rebooted right after answering into an HTTP 500: DisposeAsync
/// disposed the call gate and the lifetime source while the call, resuming afterwards, still released the gate. The
/// order is reproduced here in a few lines (<see cref="OldOrderCalls"/>) and driven through the schedule under which
/// the endpoint now ends the call disconnected
/// (<see cref="EndpointLifetimeTests.A_call_that_resumes_after_its_endpoint_was_disposed_ends_disconnected_not_with_ObjectDisposedException"/>).
/// </summary>
[TestFixture]
public sealed class OldDisposalOrderTests
{
    [Test]
    public async Task The_old_order_disposing_the_call_gate_before_a_resuming_call_releases_it_throws_ObjectDisposedException()
    {
        using var calls = new OldOrderCalls();
        var answer = new TaskCompletionSource<string>();
        var resumes = new PostedWork();

        // The call holds the gate and waits for its answer; it resumes only when the test pumps PostedWork, that is
        // after the old DisposeAsync has returned: answer lost, connection disposed, call resumes.
        var call = resumes.Start(() => calls.CallAsync(answer.Task));
        calls.Dispose();
        await resumes.RunUntilAsync(call);

        Assert.That(async () => await call.Guarded(), Throws.TypeOf<ObjectDisposedException>());
    }

    /// <summary>
    /// The old order in miniature: one outstanding call behind a gate, ended by the lifetime source; disposal
    /// cancels the source, then disposes it and the gate without waiting for the call to let go of the gate.
    /// </summary>
    private sealed class OldOrderCalls : IDisposable
    {
        private readonly SemaphoreSlim callGate = new(1, 1);
        private readonly CancellationTokenSource lifetime = new();

        public async Task<string> CallAsync(Task<string> answer)
        {
            await callGate.WaitAsync(lifetime.Token);
            try
            {
                return await answer.WaitAsync(lifetime.Token);
            }
            catch (OperationCanceledException)
            {
                throw new OcppDisconnectedException("The connection closed before the call was answered.");
            }
            finally
            {
                callGate.Release();
            }
        }

        /// <summary>The old order: cancel the calls, then dispose the source and the gate at once.</summary>
        public void Dispose()
        {
            if (lifetime.IsCancellationRequested)
            {
                return;
            }

            lifetime.Cancel();
            lifetime.Dispose();
            callGate.Dispose();
        }
    }
}
