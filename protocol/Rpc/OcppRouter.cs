using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;

namespace OcppLab.Protocol.Rpc;

/// <summary>Handles one action's requests for a context (e.g. a charge point's session).</summary>
/// <typeparam name="TContext">What the handler works on, e.g. the station the CALL came from.</typeparam>
/// <typeparam name="TRequest">The request payload type.</typeparam>
/// <typeparam name="TResponse">The response payload type.</typeparam>
public interface IOcppHandler<in TContext, in TRequest, TResponse>
    where TRequest : class, IOcppRequest<TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>Answers <paramref name="request"/>. Business refusals are response statuses, not exceptions.</summary>
    ValueTask<TResponse> HandleAsync(TContext context, TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// The route table for inbound CALLs: validate → deserialize → handle → serialize, one route per action; and the
/// answer routes for the peer's answers to our own CALLs (<see cref="MapAnswer{TRequest, TResponse}(IOcppAnswerHandler{TContext, TRequest, TResponse})"/>).
/// Built once and shared by every connection; <see cref="Bind"/> gives one connection its dispatcher.
/// </summary>
/// <typeparam name="TContext">The per-connection context handed to every handler.</typeparam>
public sealed class OcppRouter<TContext>
{
    private readonly Dictionary<string, Route> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<AnswerRoute>> answerRoutes = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether the router checks each response against its schema itself, before the endpoint does. The endpoint
    /// checks every CALLRESULT it sends anyway (<see cref="OcppRpcOptions.ValidateOutgoing"/>, on by default), so this
    /// only matters for a router used with a dispatcher of its own.
    /// </summary>
    public bool ValidateOutgoing { get; init; }

    /// <summary>
    /// Told of every handler exception that became an InternalError, and of every response the endpoint refused
    /// to send because it broke its schema (<see cref="OcppOutboundSchemaException"/>), so that the host can log it.
    /// </summary>
    public Action<TContext, string, Exception>? HandlerFailed { get; init; }

    /// <summary>The actions this router answers.</summary>
    public IEnumerable<string> Actions => routes.Keys;

    /// <summary>Routes <typeparamref name="TRequest"/> to <paramref name="handler"/>.</summary>
    public OcppRouter<TContext> Map<TRequest, TResponse>(IOcppHandler<TContext, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        Map<TRequest, TResponse>(handler.HandleAsync);

    /// <summary>Routes <typeparamref name="TRequest"/> to a handler function.</summary>
    public OcppRouter<TContext> Map<TRequest, TResponse>(Func<TContext, TRequest, CancellationToken, ValueTask<TResponse>> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        var descriptor = OcppActions.Of<TRequest, TResponse>();
        routes[descriptor.Action] = new Route<TRequest, TResponse>(descriptor, handler, null, this);
        return this;
    }

    /// <summary>Routes <typeparamref name="TRequest"/> to a handler that answers with an <see cref="OcppReply{TResponse}"/> (an answer and its follow-up).</summary>
    public OcppRouter<TContext> Map<TRequest, TResponse>(IOcppReplyHandler<TContext, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        MapReply<TRequest, TResponse>(handler.HandleAsync);

    /// <summary>
    /// Routes <typeparamref name="TRequest"/> to a handler function that answers with an <see cref="OcppReply{TResponse}"/>:
    /// its <see cref="OcppReply{TResponse}.AfterSent"/> runs once the CALLRESULT is on the wire.
    /// </summary>
    public OcppRouter<TContext> MapReply<TRequest, TResponse>(Func<TContext, TRequest, CancellationToken, ValueTask<OcppReply<TResponse>>> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        var descriptor = OcppActions.Of<TRequest, TResponse>();
        routes[descriptor.Action] = new Route<TRequest, TResponse>(descriptor, null, handler, this);
        return this;
    }

    /// <summary>
    /// Adds an answer route: <paramref name="handler"/> is told of every conforming CALLRESULT the peer sends to our
    /// <typeparamref name="TRequest"/> CALLs, with both payloads typed, whoever made the CALL (a typed call or the
    /// raw relay). Several may be added for one action; they run in the order added.
    /// </summary>
    public OcppRouter<TContext> MapAnswer<TRequest, TResponse>(IOcppAnswerHandler<TContext, TRequest, TResponse> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        MapAnswer<TRequest, TResponse>(handler.OnAnswerAsync);

    /// <summary>Adds an answer route as a function; see <see cref="MapAnswer{TRequest, TResponse}(IOcppAnswerHandler{TContext, TRequest, TResponse})"/>.</summary>
    public OcppRouter<TContext> MapAnswer<TRequest, TResponse>(Func<TContext, TRequest, TResponse, CancellationToken, ValueTask> handler)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        var descriptor = OcppActions.Of<TRequest, TResponse>();
        if (!answerRoutes.TryGetValue(descriptor.Action, out var list))
        {
            answerRoutes[descriptor.Action] = list = [];
        }

        list.Add(new AnswerRoute<TRequest, TResponse>(descriptor, handler));
        return this;
    }

    /// <summary>The actions whose answers have routes.</summary>
    public IEnumerable<string> AnsweredActions => answerRoutes.Keys;

    /// <summary>A dispatcher for one connection whose handlers receive <paramref name="context"/>.</summary>
    public IOcppCallDispatcher Bind(TContext context) => new BoundDispatcher(this, context);

    /// <summary>Validates, deserializes, handles and serializes one CALL.</summary>
    public async ValueTask<InboundCallOutcome> DispatchAsync(TContext context, Call call, CancellationToken cancellationToken)
    {
        if (!OcppActions.TryGet(call.Action, out _))
        {
            return Error(call, OcppErrorCode.NotImplemented, $"'{call.Action}' is not an OCPP 1.6 action.");
        }

        if (!routes.TryGetValue(call.Action, out var route))
        {
            return Error(call, OcppErrorCode.NotSupported, $"{call.Action} is not supported by this side.");
        }

        return await route.InvokeAsync(context, call, cancellationToken);
    }

    /// <summary>Runs the answer routes of <paramref name="answer"/>'s action; a route that throws is reported to <see cref="HandlerFailed"/> and the others still run.</summary>
    public async ValueTask OnAnswerAsync(TContext context, OcppAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!answerRoutes.TryGetValue(answer.Action, out var list))
        {
            return;
        }

        foreach (var route in list)
        {
            try
            {
                await route.InvokeAsync(context, answer, cancellationToken);
            }
#pragma warning disable CA1031 // One failing route must not keep the answer from the caller or from the other routes.
            catch (Exception e)
#pragma warning restore CA1031
            {
                HandlerFailed?.Invoke(context, answer.Action, e);
            }
        }
    }

    private static InboundCallOutcome Error(Call call, OcppErrorCode code, string description) =>
        new(FrameWriter.CallError(call.MessageId, code, description), code);

    private sealed class BoundDispatcher(OcppRouter<TContext> router, TContext context) : IOcppCallDispatcher
    {
        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken) =>
            router.DispatchAsync(context, call, cancellationToken);

        public void ReportFailure(Call call, Exception exception) =>
            router.HandlerFailed?.Invoke(context, call.Action, exception);

        public ValueTask OnAnswerAsync(OcppAnswer answer, CancellationToken cancellationToken) =>
            router.answerRoutes.Count == 0 ? ValueTask.CompletedTask : router.OnAnswerAsync(context, answer, cancellationToken);
    }

    private abstract class AnswerRoute
    {
        public abstract ValueTask InvokeAsync(TContext context, OcppAnswer answer, CancellationToken cancellationToken);
    }

    private sealed class AnswerRoute<TRequest, TResponse>(
        OcppActionDescriptor descriptor,
        Func<TContext, TRequest, TResponse, CancellationToken, ValueTask> handler) : AnswerRoute
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        private readonly JsonTypeInfo<TRequest> requestInfo = (JsonTypeInfo<TRequest>)descriptor.RequestTypeInfo;
        private readonly JsonTypeInfo<TResponse> responseInfo = (JsonTypeInfo<TResponse>)descriptor.ResponseTypeInfo;

        public override ValueTask InvokeAsync(TContext context, OcppAnswer answer, CancellationToken cancellationToken)
        {
            // A raw CALL's payload is read as the typed request only here; one the schema refuses never reaches a route
            // (the endpoint judges the answer, and a raw request sent with validation off may not deserialize).
            var request = answer.TypedRequest is TRequest typed
                ? typed
                : descriptor.RequestSchema.Validate(answer.Request) is null ? Read(answer.Request, requestInfo) : null;
            var response = answer.TypedResponse as TResponse ?? Read(answer.Response, responseInfo);
            return request is null || response is null
                ? ValueTask.CompletedTask
                : handler(context, request, response, cancellationToken);
        }

        private static T? Read<T>(JsonElement element, JsonTypeInfo<T> info)
            where T : class
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            try
            {
                return element.Deserialize(info);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }

    private abstract class Route
    {
        public abstract ValueTask<InboundCallOutcome> InvokeAsync(TContext context, Call call, CancellationToken cancellationToken);
    }

    private sealed class Route<TRequest, TResponse>(
        OcppActionDescriptor descriptor,
        Func<TContext, TRequest, CancellationToken, ValueTask<TResponse>>? handler,
        Func<TContext, TRequest, CancellationToken, ValueTask<OcppReply<TResponse>>>? replyHandler,
        OcppRouter<TContext> router) : Route
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        private readonly JsonTypeInfo<TRequest> requestInfo = (JsonTypeInfo<TRequest>)descriptor.RequestTypeInfo;
        private readonly JsonTypeInfo<TResponse> responseInfo = (JsonTypeInfo<TResponse>)descriptor.ResponseTypeInfo;

        public override async ValueTask<InboundCallOutcome> InvokeAsync(TContext context, Call call, CancellationToken cancellationToken)
        {
            var violation = descriptor.RequestSchema.Validate(call.Payload);
            if (violation is not null)
            {
                return Error(call, violation.Code, violation.ToString());
            }

            TRequest? request;
            try
            {
                request = call.Payload.Deserialize(requestInfo);
            }
            catch (JsonException e)
            {
                return Error(call, OcppErrorCode.FormationViolation, e.Message);
            }

            if (request is null)
            {
                return Error(call, OcppErrorCode.FormationViolation, "The payload is empty.");
            }

            TResponse response;
            Func<OcppRpcEndpoint, CancellationToken, Task>? afterSent = null;
            try
            {
                if (handler is not null)
                {
                    response = await handler(context, request, cancellationToken);
                }
                else
                {
                    var reply = await replyHandler!(context, request, cancellationToken);
                    response = reply.Response;
                    afterSent = reply.AfterSent;
                }
            }
            catch (OcppCallErrorException e)
            {
                return new InboundCallOutcome(FrameWriter.CallError(call.MessageId, e.Code, e.Description, e.Details), e.Code);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
#pragma warning disable CA1031 // A handler's failure must become InternalError for the peer, never a dropped connection.
            catch (Exception e)
#pragma warning restore CA1031
            {
                router.HandlerFailed?.Invoke(context, descriptor.Action, e);
                return Error(call, OcppErrorCode.InternalError, $"{descriptor.Action} failed: {e.GetType().Name}");
            }

            if (router.ValidateOutgoing)
            {
                var outgoing = JsonSerializer.SerializeToElement(response, responseInfo);
                var own = descriptor.ResponseSchema.Validate(outgoing);
                if (own is not null)
                {
                    return Error(call, OcppErrorCode.InternalError, $"Our own {descriptor.Action} response would violate its schema: {own}");
                }
            }

            return new InboundCallOutcome(FrameWriter.CallResult(call.MessageId, response, responseInfo), null)
            {
                AfterSent = afterSent is null ? null : (endpoint, token) => FollowUpAsync(afterSent, context, endpoint, token),
            };
        }

        private async Task FollowUpAsync(Func<OcppRpcEndpoint, CancellationToken, Task> afterSent, TContext context, OcppRpcEndpoint endpoint, CancellationToken cancellationToken)
        {
            try
            {
                await afterSent(endpoint, cancellationToken);
            }
#pragma warning disable CA1031 // A failed follow-up is the host's to log; the answer has gone out already.
            catch (Exception e)
#pragma warning restore CA1031
            {
                router.HandlerFailed?.Invoke(context, descriptor.Action, e);
            }
        }
    }
}
