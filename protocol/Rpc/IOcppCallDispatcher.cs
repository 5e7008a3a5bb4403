using OcppLab.Protocol.Framing;

namespace OcppLab.Protocol.Rpc;

/// <summary>Answers one inbound CALL with the complete response frame (a CALLRESULT or a CALLERROR).</summary>
public interface IOcppCallDispatcher
{
    /// <summary>Handles <paramref name="call"/> and returns the UTF-8 response frame to send.</summary>
    ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken);

    /// <summary>
    /// Told when the endpoint could not send what this dispatcher produced for <paramref name="call"/>: a CALLRESULT
    /// that breaks its schema (<see cref="OcppOutboundSchemaException"/>; the peer got an InternalError CALLERROR
    /// instead). A host logs it as the bug it is. The default ignores it.
    /// </summary>
    void ReportFailure(Call call, Exception exception)
    {
    }

    /// <summary>
    /// Told of the peer's conforming CALLRESULT to one of our CALLs (the answer routes of
    /// <see cref="OcppRouter{TContext}.MapAnswer{TRequest, TResponse}(IOcppAnswerHandler{TContext, TRequest, TResponse})"/>),
    /// before the caller sees it and before our next CALL goes out. The default does nothing.
    /// </summary>
    ValueTask OnAnswerAsync(OcppAnswer answer, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The response frame to an inbound CALL, and what kind it is.</summary>
/// <param name="Frame">The UTF-8 CALLRESULT or CALLERROR frame.</param>
/// <param name="Error">The error code when <paramref name="Frame"/> is a CALLERROR.</param>
public readonly record struct InboundCallOutcome(byte[] Frame, OcppErrorCode? Error)
{
    /// <summary>
    /// For a CALLRESULT: what runs once <see cref="Frame"/> has been written to the wire (see
    /// <see cref="OcppReply{TResponse}.AfterSent"/>). Never run for a frame that was not sent.
    /// </summary>
    public Func<OcppRpcEndpoint, CancellationToken, Task>? AfterSent { get; init; }
}
