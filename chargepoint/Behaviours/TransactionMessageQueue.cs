using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Scheduling;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The outgoing message queue: one CALL at a time, in order. Transaction messages (StartTransaction,
/// StopTransaction, transaction MeterValues) are kept while offline and retried on CALLERROR or timeout
/// (TransactionMessageAttempts, TransactionMessageRetryInterval; OCPP 1.6 §4.10, §3.8); other messages
/// are only sent while the Central System has accepted the charge point.
/// </summary>
internal sealed class TransactionMessageQueue(
    string chargePointId,
    ConfigurationStore configuration,
    SerialScheduler scheduler,
    TimeProvider time,
    ILogger logger,
    CancellationToken lifetime) : IMessageSender, IDisposable
{
    private readonly List<OutgoingMessage> queue = [];
    private readonly SerialDisposable retryTimer = new();
    private OcppRpcEndpoint? online;
    private OutgoingMessage? inFlight;
    private int queuedTransactional;
    private TaskCompletionSource? drained;

    /// <summary>Transaction messages waiting to be delivered (read from any thread).</summary>
    public int QueuedTransactionMessages => Volatile.Read(ref queuedTransactional);

    public bool IsOnline => online is not null;

    /// <summary>The Central System accepted the charge point on <paramref name="endpoint"/>: deliver what waits.</summary>
    public void GoOnline(OcppRpcEndpoint endpoint)
    {
        online = endpoint;
        Wake();
    }

    /// <summary>The connection is gone or no longer accepted: drop what is not a transaction message.</summary>
    public void GoOffline()
    {
        online = null;
        List<OutgoingMessage> dropped = [.. queue.Where(m => !m.Transactional)];
        queue.RemoveAll(m => !m.Transactional);
        foreach (var message in dropped)
        {
            message.Abandon(new OcppDisconnectedException($"{chargePointId} went offline."));
        }

        SignalDrainedIfDone();
    }

    public Task<TResponse> Send<TResponse>(IOcppRequest<TResponse> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse =>
        Enqueue(() => request, transactional: false, onResponse);

    public Task<TResponse> SendTransactional<TResponse>(Func<IOcppRequest<TResponse>?> request, Action<TResponse>? onResponse = null)
        where TResponse : class, IOcppResponse =>
        Enqueue(request, transactional: true, onResponse);

    /// <summary>
    /// Completes when every queued message has been delivered (e.g. StopTransaction and the Finishing status
    /// before a reset, or the firmware statuses before the reboot that installs), or at once when offline:
    /// transaction messages then wait for the next boot.
    /// </summary>
    public Task DrainedAsync()
    {
        if (!IsOnline || queue.Count == 0)
        {
            return Task.CompletedTask;
        }

        drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return drained.Task;
    }

    public void SignalDrainedIfDone()
    {
        if (drained is { } done && (!IsOnline || queue.Count == 0))
        {
            drained = null;
            done.TrySetResult();
        }
    }

    public void Dispose() => retryTimer.Dispose();

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
            message.Abandon(new OcppDisconnectedException($"{chargePointId} is offline."));
            return completion.Task;
        }

        queue.Add(message);
        Count(message, +1);
        Wake();
        return completion.Task;
    }

    /// <summary>Looks at the queue once the work in hand is done.</summary>
    private void Wake() => scheduler.Post(SendNext);

    /// <summary>Sends the head of the queue when online, nothing is in flight and its retry time has come.</summary>
    private void SendNext()
    {
        if (inFlight is not null || online is not { } endpoint || queue.Count == 0 || queue[0].NotBefore > time.GetUtcNow() || lifetime.IsCancellationRequested)
        {
            return;
        }

        inFlight = queue[0];
        _ = SendAsync(inFlight, endpoint);
    }

    private async Task SendAsync(OutgoingMessage next, OcppRpcEndpoint endpoint)
    {
        try
        {
            await next.SendAsync(endpoint, lifetime);
            Remove(next);
        }
        catch (OcppDisconnectedException)
        {
            // That connection is gone before the connection behaviour has said so: wait for the next GoOnline rather
            // than retry on a closed endpoint, which fails at once and would spin.
            if (ReferenceEquals(online, endpoint))
            {
                online = null;
            }

            // Stays queued if it is a transaction message; the rest is dropped with the connection.
            if (!next.Transactional)
            {
                Remove(next);
                next.Abandon(new OcppDisconnectedException($"{chargePointId} went offline."));
            }
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
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
            ChargePointLog.OperationFailed(logger, chargePointId, "sending a message", e);
            Remove(next);
            next.Abandon(e);
        }
        finally
        {
            inFlight = null;
        }

        // Posted rather than called, so that answers completing at once never nest one send inside another.
        Wake();
    }

    private void OnCallFailed(OutgoingMessage message, Exception error)
    {
        message.Attempts++;
        ChargePointLog.CallFailed(logger, chargePointId, error.GetType().Name, message.Attempts, error);
        var maxAttempts = configuration.GetInt(Keys.TransactionMessageAttempts, 3);
        if (!message.Transactional || message.Attempts >= maxAttempts)
        {
            if (message.Transactional)
            {
                ChargePointLog.MessageDropped(logger, chargePointId, "transaction message", message.Attempts);
            }

            Remove(message);
            message.Abandon(error);
            return;
        }

        // OCPP 1.6 §4.10: wait TransactionMessageRetryInterval × attempts so far before the next try.
        var wait = TimeSpan.FromSeconds(configuration.GetInt(Keys.TransactionMessageRetryInterval, 60) * message.Attempts);
        message.NotBefore = time.GetUtcNow() + wait;
        retryTimer.Disposable = scheduler.Schedule(wait, Wake);
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
}
