using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint;

/// <summary>
/// Inbound CALLs: handlers answer at once and register their follow-up work (e.g. the StatusNotification
/// after ChangeAvailability.conf) to run right after the answer has been queued, so the Central System
/// always sees the .conf before the consequences.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly List<Action> afterResponse = [];
    private string? answering;

    /// <summary>Runs <paramref name="action"/> after the answer to the CALL being handled has been queued for sending.</summary>
    private void AfterResponse(Action action)
    {
        lock (sync)
        {
            afterResponse.Add(action);
        }
    }

    private void OnFrame(FrameEvent frame)
    {
        frameObserver?.OnFrame(frame);
        framesIn.OnNext(frame);
        if (frame.Direction != FrameDirection.Out || frame.TypeId is not (MessageTypeId.CallResult or MessageTypeId.CallError))
        {
            return;
        }

        List<Action> pending;
        lock (sync)
        {
            if (answering is null || answering != frame.MessageId)
            {
                return;
            }

            answering = null;
            pending = [.. afterResponse];
            afterResponse.Clear();
        }

        try
        {
            foreach (var action in pending)
            {
                action();
            }
        }
        finally
        {
            activity.End();
        }
    }

    private sealed class InboundDispatcher(VirtualChargePoint owner, IOcppCallDispatcher inner) : IOcppCallDispatcher
    {
        public async ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            owner.activity.Begin();
            lock (owner.sync)
            {
                owner.answering = call.MessageId;
                owner.afterResponse.Clear();
            }

            try
            {
                return await inner.DispatchAsync(call, cancellationToken);
            }
            catch
            {
                lock (owner.sync)
                {
                    owner.answering = null;
                    owner.afterResponse.Clear();
                }

                owner.activity.End();
                throw;
            }
        }
    }

    private sealed class FrameTap(VirtualChargePoint owner) : IFrameObserver
    {
        public void OnFrame(FrameEvent frame) => owner.OnFrame(frame);
    }
}
