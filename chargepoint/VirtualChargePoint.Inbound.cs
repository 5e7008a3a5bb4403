using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint;

/// <summary>
/// Inbound CALLs: handlers run on the charge point's scheduler, answer at once and register their follow-up
/// work (e.g. the StatusNotification after ChangeAvailability.conf, the StartTransaction after an accepted
/// RemoteStartTransaction, the reboot after Reset) with <see cref="AfterResponse"/>. The follow-ups run on the
/// scheduler once the endpoint reports the CALLRESULT written (its after-sent continuation), so the Central
/// System always sees the .conf before the consequences; after a CALLERROR, or an answer that never left, none run.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly Dictionary<string, List<Action>> unsentAnswers = [];
    private List<Action>? handling;

    /// <summary>Runs <paramref name="action"/> after the answer to the CALL being handled is on the wire.</summary>
    private void AfterResponse(Action action)
    {
        if (handling is { } followUps)
        {
            followUps.Add(action);
        }
        else
        {
            scheduler.Post(action);
        }
    }

    /// <summary>Ends an answered CALL: its follow-ups run when <paramref name="sent"/>, and it no longer counts as due work.</summary>
    private void Answered(string messageId, bool sent)
    {
        if (!unsentAnswers.Remove(messageId, out var followUps))
        {
            return;
        }

        try
        {
            if (sent)
            {
                foreach (var action in followUps)
                {
                    action();
                }
            }
        }
        finally
        {
            scheduler.EndAwait();
        }
    }

    /// <summary>The connection is gone: answers still waiting to be written never will be.</summary>
    private void AbandonAnswers()
    {
        foreach (var messageId in unsentAnswers.Keys.ToList())
        {
            Answered(messageId, sent: false);
        }
    }

    private void OnFrame(FrameEvent frame)
    {
        frameObserver?.OnFrame(frame);
        framesIn.OnNext(frame);
    }

    private async Task<InboundCallOutcome> HandleAsync(IOcppCallDispatcher inner, Call call, CancellationToken cancellationToken)
    {
        var followUps = new List<Action>();
        handling = followUps;
        try
        {
            return await inner.DispatchAsync(call, cancellationToken);
        }
        finally
        {
            handling = null;
            unsentAnswers[call.MessageId] = followUps;
        }
    }

    private sealed class InboundDispatcher(VirtualChargePoint owner, IOcppCallDispatcher inner) : IOcppCallDispatcher
    {
        public async ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            // Counted as due work until the answer is on the wire and the follow-ups have run.
            owner.scheduler.BeginAwait();
            InboundCallOutcome outcome;
            try
            {
                outcome = await owner.scheduler.InvokeAsync(() => owner.HandleAsync(inner, call, cancellationToken));
            }
            catch
            {
                owner.scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
                throw;
            }

            if (outcome.Error is not null)
            {
                owner.scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
                return outcome;
            }

            return outcome with
            {
                AfterSent = (_, _) =>
                {
                    owner.scheduler.Post(() => owner.Answered(call.MessageId, sent: true));
                    return Task.CompletedTask;
                },
            };
        }

        public void ReportFailure(Call call, Exception exception)
        {
            inner.ReportFailure(call, exception);
            owner.scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
        }
    }

    private sealed class FrameTap(VirtualChargePoint owner) : IFrameObserver
    {
        public void OnFrame(FrameEvent frame) => owner.OnFrame(frame);
    }
}
