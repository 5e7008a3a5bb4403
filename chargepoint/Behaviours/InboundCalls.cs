using OcppLab.ChargePoint.Scheduling;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// Inbound CALLs: handlers run on the charge point's scheduler, answer at once and register their follow-up
/// work (e.g. the StatusNotification after ChangeAvailability.conf, the StartTransaction after an accepted
/// RemoteStartTransaction, the reboot after Reset) with <see cref="AfterResponse"/>. The follow-ups run on the
/// scheduler once the endpoint reports the CALLRESULT written (its after-sent continuation), so the Central
/// System always sees the .conf before the consequences; after a CALLERROR, or an answer that never left, none run.
/// </summary>
internal sealed class InboundCalls(SerialScheduler scheduler)
{
    private readonly SerialScheduler scheduler = scheduler;
    private readonly Dictionary<string, List<Action>> unsentAnswers = [];
    private List<Action>? handling;

    /// <summary>Runs <paramref name="action"/> after the answer to the CALL being handled is on the wire.</summary>
    public void AfterResponse(Action action)
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

    /// <summary>Puts <paramref name="routes"/> on the scheduler, with the follow-ups of each answer.</summary>
    public IOcppCallDispatcher Dispatcher(IOcppCallDispatcher routes) => new Dispatching(this, routes);

    /// <summary>The connection is gone: answers still waiting to be written never will be.</summary>
    public void AbandonAnswers()
    {
        foreach (var messageId in unsentAnswers.Keys.ToList())
        {
            Answered(messageId, sent: false);
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

    private async Task<InboundCallOutcome> HandleAsync(IOcppCallDispatcher routes, Call call, CancellationToken cancellationToken)
    {
        var followUps = new List<Action>();
        handling = followUps;
        try
        {
            return await routes.DispatchAsync(call, cancellationToken);
        }
        finally
        {
            handling = null;
            unsentAnswers[call.MessageId] = followUps;
        }
    }

    private sealed class Dispatching(InboundCalls owner, IOcppCallDispatcher routes) : IOcppCallDispatcher
    {
        public async ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            // Counted as due work until the answer is on the wire and the follow-ups have run.
            var scheduler = owner.scheduler;
            scheduler.BeginAwait();
            InboundCallOutcome outcome;
            try
            {
                outcome = await scheduler.InvokeAsync(() => owner.HandleAsync(routes, call, cancellationToken));
            }
            catch
            {
                scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
                throw;
            }

            if (outcome.Error is not null)
            {
                scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
                return outcome;
            }

            return outcome with
            {
                AfterSent = (_, _) =>
                {
                    scheduler.Post(() => owner.Answered(call.MessageId, sent: true));
                    return Task.CompletedTask;
                },
            };
        }

        public void ReportFailure(Call call, Exception exception)
        {
            routes.ReportFailure(call, exception);
            owner.scheduler.Post(() => owner.Answered(call.MessageId, sent: false));
        }
    }
}
