using OcppLab.Protocol.Messages;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>The outgoing message queue as the behaviours see it.</summary>
internal interface IMessageSender
{
    /// <summary>Whether the Central System has accepted the charge point on an open connection.</summary>
    bool IsOnline { get; }

    /// <summary>
    /// Queues a message that is sent only while online and dropped when the connection is lost;
    /// <paramref name="onResponse"/> runs on the scheduler before the task completes.
    /// </summary>
    Task<TResponse> Send<TResponse>(IOcppRequest<TResponse> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse;

    /// <summary>
    /// Queues a transaction message, kept while offline and retried (OCPP 1.6 §4.10). The request is built when
    /// it is sent; a null request means the message has become pointless and is skipped.
    /// </summary>
    Task<TResponse> SendTransactional<TResponse>(Func<IOcppRequest<TResponse>?> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse;

    /// <summary>Completes when every queued message has been delivered, or at once when offline.</summary>
    Task DrainedAsync();
}
