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
}
