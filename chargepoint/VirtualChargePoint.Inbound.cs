using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint;

/// <summary>
/// Inbound CALLs: handlers run on the charge point's scheduler, answer at once and register their follow-up
/// work (e.g. the StatusNotification after ChangeAvailability.conf) to run right after the answer has been
/// queued, so the Central System always sees the .conf before the consequences.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly List<Action> afterResponse = [];
    private string? answering;

    /// <summary>Runs <paramref name="action"/> after the answer to the CALL being handled has been queued for sending.</summary>
    private void AfterResponse(Action action) => afterResponse.Add(action);

    private void OnFrame(FrameEvent frame)
    {
        frameObserver?.OnFrame(frame);
        framesIn.OnNext(frame);
        if (frame.Direction == FrameDirection.Out && frame.TypeId is MessageTypeId.CallResult or MessageTypeId.CallError)
        {
            var messageId = frame.MessageId;
            scheduler.Post(() => OnAnswerSent(messageId));
        }
    }

    private void OnAnswerSent(string? messageId)
    {
        if (answering is null || answering != messageId)
        {
            return;
        }

        answering = null;
        List<Action> pending = [.. afterResponse];
        afterResponse.Clear();
        try
        {
            foreach (var action in pending)
            {
                action();
            }
        }
        finally
        {
            scheduler.EndAwait();
        }
    }

    private sealed class InboundDispatcher(VirtualChargePoint owner, IOcppCallDispatcher inner) : IOcppCallDispatcher
    {
        public async ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            // Counted as due work until the answer is on its way and the follow-ups have run.
            owner.scheduler.BeginAwait();
            try
            {
                return await owner.scheduler.InvokeAsync(() =>
                {
                    owner.answering = call.MessageId;
                    owner.afterResponse.Clear();
                    return inner.DispatchAsync(call, cancellationToken).AsTask();
                });
            }
            catch
            {
                owner.scheduler.Post(() =>
                {
                    owner.answering = null;
                    owner.afterResponse.Clear();
                });
                owner.scheduler.EndAwait();
                throw;
            }
        }
    }

    private sealed class FrameTap(VirtualChargePoint owner) : IFrameObserver
    {
        public void OnFrame(FrameEvent frame) => owner.OnFrame(frame);
    }
}
