using OcppLab.Protocol.Messages;

namespace OcppLab.Protocol.Rpc;

/// <summary>
/// A handler's answer to an inbound CALL plus, optionally, a follow-up that runs only once the CALLRESULT carrying
/// <see cref="Response"/> has been written to the wire: a reboot after Reset, a StartTransaction after an accepted
/// RemoteStartTransaction, the CertificateSigned after an accepted SignCertificate (Security Whitepaper ed. 3 §3.3.1).
/// The follow-up never runs when the answer was not sent (the connection closed first, or strict outbound replaced
/// it with an InternalError CALLERROR). Map a handler that returns one with
/// <see cref="OcppRouter{TContext}.MapReply{TRequest, TResponse}(Func{TContext, TRequest, CancellationToken, ValueTask{OcppReply{TResponse}}})"/>.
/// </summary>
/// <typeparam name="TResponse">The response payload type.</typeparam>
/// <param name="Response">The answer to send.</param>
/// <param name="AfterSent">
/// Runs on the thread pool after the answer is on the wire, with the endpoint that sent it (to make the next CALL)
/// and a token cancelled when that connection closes; a follow-up that must happen anyway (a reboot) ignores it.
/// An exception it throws goes to the router's <see cref="OcppRouter{TContext}.HandlerFailed"/>.
/// </param>
public sealed record OcppReply<TResponse>(TResponse Response, Func<OcppRpcEndpoint, CancellationToken, Task>? AfterSent = null)
    where TResponse : class, IOcppResponse;

/// <summary>Handles one action's requests with an <see cref="OcppReply{TResponse}"/>: the answer and what follows it.</summary>
/// <typeparam name="TContext">What the handler works on, e.g. the station the CALL came from.</typeparam>
/// <typeparam name="TRequest">The request payload type.</typeparam>
/// <typeparam name="TResponse">The response payload type.</typeparam>
public interface IOcppReplyHandler<in TContext, in TRequest, TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>Answers <paramref name="request"/>, optionally with a follow-up to run once the answer is sent.</summary>
    ValueTask<OcppReply<TResponse>> HandleAsync(TContext context, TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Told of the peer's answer to one of OUR outbound CALLs of one action, with the typed request and the typed
/// response, whoever made the CALL (<see cref="OcppRpcEndpoint.CallAsync{TResponse}"/> or the raw
/// <see cref="OcppRpcEndpoint.CallRawAsync(string, System.Text.Json.JsonElement, CancellationToken)"/>). This is where a
/// side records what the peer accepted. Map it with <see cref="OcppRouter{TContext}.MapAnswer{TRequest, TResponse}(IOcppAnswerHandler{TContext, TRequest, TResponse})"/>.
/// </summary>
/// <typeparam name="TContext">What the handler works on, e.g. the station that answered.</typeparam>
/// <typeparam name="TRequest">The request payload type we sent.</typeparam>
/// <typeparam name="TResponse">The response payload type the peer answered.</typeparam>
public interface IOcppAnswerHandler<in TContext, in TRequest, in TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>
    /// Takes the answer. Runs before the caller sees it and before the next CALL is sent; the token is not cancelled
    /// when the connection closes (the answer arrived, so what it says is recorded).
    /// </summary>
    ValueTask OnAnswerAsync(TContext context, TRequest request, TResponse response, CancellationToken cancellationToken);
}
