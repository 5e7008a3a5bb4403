namespace OcppLab.Protocol.Messages;

/// <summary>Any OCPP 1.6 request payload (the body of a CALL).</summary>
public interface IOcppRequest;

/// <summary>Any OCPP 1.6 response payload (the body of a CALLRESULT).</summary>
public interface IOcppResponse;

/// <summary>A request whose answer is a <typeparamref name="TResponse"/>.</summary>
/// <typeparam name="TResponse">The response payload type.</typeparam>
public interface IOcppRequest<TResponse> : IOcppRequest
    where TResponse : class, IOcppResponse;

/// <summary>
/// A request type that names its action and its response type at compile time, so that a call or a
/// route needs neither reflection nor strings.
/// </summary>
/// <typeparam name="TSelf">The request type itself.</typeparam>
/// <typeparam name="TResponse">The response payload type.</typeparam>
public interface IOcppRequest<TSelf, TResponse> : IOcppRequest<TResponse>
    where TSelf : class, IOcppRequest<TSelf, TResponse>
    where TResponse : class, IOcppResponse
{
    /// <summary>The action name as written in the CALL frame, e.g. <c>BootNotification</c>.</summary>
    static abstract string Action { get; }
}
