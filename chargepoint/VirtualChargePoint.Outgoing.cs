using System.Reactive.Disposables;
using OcppLab.ChargePoint.Behaviours;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// The outgoing message queue: one CALL at a time, in order. Transaction messages (StartTransaction,
/// StopTransaction, transaction MeterValues) are kept while offline and retried on CALLERROR or timeout
/// (TransactionMessageAttempts, TransactionMessageRetryInterval; OCPP 1.6 §4.10, §3.8); other messages
/// are only sent while the Central System has accepted the charge point.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly List<OutgoingMessage> queue = [];
    private readonly SerialDisposable retryTimer = new();
    private OutgoingMessage? inFlight;
    private int queuedTransactional;

    /// <summary>Transaction messages waiting to be delivered (e.g. while offline).</summary>
    public int QueuedTransactionMessages => Volatile.Read(ref queuedTransactional);

    private bool IsOnline => current is not null && registration == RegistrationStatus.Accepted;

    /// <summary>Queues a message that is sent only while online, and dropped when the connection is lost.</summary>
    private Task<TResponse> Send<TResponse>(IOcppRequest<TResponse> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse =>
        Enqueue(() => request, transactional: false, onResponse);

    /// <summary>
    /// Queues a transaction message. The request is built when it is sent, so that a StopTransaction queued
    /// offline carries the transactionId that the earlier StartTransaction.conf assigned (OCTT TC_039);
    /// a null request means the message has become pointless and is skipped.
    /// </summary>
    private Task<TResponse> SendTransactional<TResponse>(Func<IOcppRequest<TResponse>?> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse =>
        Enqueue(request, transactional: true, onResponse);

    private Task<TResponse> Enqueue<TResponse>(Func<IOcppRequest<TResponse>?> build, bool transactional, Action<TResponse>? onResponse)
        where TResponse : class, IOcppResponse
    {
        var completion = new TaskCompletionSource<TResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = new OutgoingMessage(
            transactional,
            async (endpoint, cancellationToken) =>
            {
                var request = build();
                if (request is null)
                {
                    completion.TrySetCanceled(CancellationToken.None);
                    return;
                }

                var response = await scheduler.Await(() => endpoint.CallAsync(request, cancellationToken));
                onResponse?.Invoke(response);
                completion.TrySetResult(response);
            },
            e => completion.TrySetException(e));
        if (!transactional && !IsOnline)
        {
            message.Abandon(new OcppDisconnectedException($"{Id} is offline."));
            return completion.Task;
        }

        queue.Add(message);
        Count(message, +1);

        Wake();
        return completion.Task;
    }

    /// <summary>Looks at the queue once the work in hand is done.</summary>
    private void Wake() => scheduler.Post(SendNext);

    private void DropNonTransactionalMessages()
    {
        List<OutgoingMessage> dropped;
        dropped = [.. queue.Where(m => !m.Transactional)];
        queue.RemoveAll(m => !m.Transactional);

        foreach (var message in dropped)
        {
            message.Abandon(new OcppDisconnectedException($"{Id} went offline."));
        }
    }

    /// <summary>Sends the head of the queue when online, nothing is in flight and its retry time has come.</summary>
    private void SendNext()
    {
        if (inFlight is not null || !IsOnline || queue.Count == 0 || queue[0].NotBefore > Now || lifetime.IsCancellationRequested)
        {
            return;
        }

        inFlight = queue[0];
        _ = SendAsync(inFlight, current!.Value.Endpoint);
    }

    private async Task SendAsync(OutgoingMessage next, OcppRpcEndpoint endpoint)
    {
        var token = lifetime.Token;
        try
        {
            await next.SendAsync(endpoint, token);
            Remove(next);
        }
        catch (OcppDisconnectedException)
        {
            // Stays queued if it is a transaction message; the rest is dropped with the connection.
            if (!next.Transactional)
            {
                Remove(next);
                next.Abandon(new OcppDisconnectedException($"{Id} went offline."));
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is OcppCallErrorException or OcppCallTimeoutException or OcppInvalidResponseException)
        {
            OnCallFailed(next, e);
        }
#pragma warning disable CA1031 // A response handler's failure must not stop the queue.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ChargePointLog.OperationFailed(logger, Id, "sending a message", e);
            Remove(next);
            next.Abandon(e);
        }
        finally
        {
            inFlight = null;
        }

        SendNext();
    }

    private void OnCallFailed(OutgoingMessage message, Exception error)
    {
        message.Attempts++;
        ChargePointLog.CallFailed(logger, Id, error.GetType().Name, message.Attempts, error);
        var maxAttempts = Configuration.GetInt(Keys.TransactionMessageAttempts, 3);
        if (!message.Transactional || message.Attempts >= maxAttempts)
        {
            if (message.Transactional)
            {
                ChargePointLog.MessageDropped(logger, Id, "transaction message", message.Attempts);
            }

            Remove(message);
            message.Abandon(error);
            return;
        }

        // OCPP 1.6 §4.10: wait TransactionMessageRetryInterval × attempts so far before the next try.
        var wait = TimeSpan.FromSeconds(Configuration.GetInt(Keys.TransactionMessageRetryInterval, 60) * message.Attempts);
        message.NotBefore = Now + wait;
        retryTimer.Disposable = System.Reactive.Concurrency.Scheduler.Schedule(scheduler, wait, Wake);
    }

    private void Remove(OutgoingMessage message)
    {
        if (queue.Remove(message))
        {
            Count(message, -1);
        }

        SignalDrainedIfDone();
    }

    private void Count(OutgoingMessage message, int delta)
    {
        if (message.Transactional)
        {
            Volatile.Write(ref queuedTransactional, queuedTransactional + delta);
        }
    }

    private sealed class OutgoingMessage(bool transactional, Func<OcppRpcEndpoint, CancellationToken, Task> send, Action<Exception> abandon)
    {
        public bool Transactional { get; } = transactional;

        public int Attempts { get; set; }

        public DateTimeOffset NotBefore { get; set; } = DateTimeOffset.MinValue;

        public Task SendAsync(OcppRpcEndpoint endpoint, CancellationToken cancellationToken) => send(endpoint, cancellationToken);

        public void Abandon(Exception reason) => abandon(reason);
    }

    /// <summary>The queue as the behaviours see it.</summary>
    private sealed class MessageSender(VirtualChargePoint owner) : IMessageSender
    {
        public bool IsOnline => owner.IsOnline;

        public Task<TResponse> Send<TResponse>(IOcppRequest<TResponse> request, Action<TResponse>? onResponse = null)
            where TResponse : class, IOcppResponse =>
            owner.Send(request, onResponse);
    }
}
