using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// BootNotification with the Pending/Rejected retry, and Heartbeat (OCPP 1.6 §4.2, §4.6), on the connection
/// <see cref="Connection"/> opened. It tells the message queue when the Central System has accepted the charge
/// point, and the rest of the charge point through <see cref="Registered"/>.
/// </summary>
internal sealed class BootAndHeartbeat(ChargePointContext context, TransactionMessageQueue queue, CancellationToken lifetime) : IDisposable
{
    private readonly SerialDisposable bootRetry = new();
    private readonly SerialDisposable heartbeat = new();
    private OcppRpcEndpoint? endpoint;

    /// <summary>The Central System accepted the charge point; true after a BootNotification, false on a reconnect without one.</summary>
    public event Action<bool>? Registered;

    /// <summary>The registration status from the last BootNotification.conf; null before the first answer of this power cycle.</summary>
    public RegistrationStatus? Status { get; private set; }

    public BootNotificationRequest BootRequest() => new()
    {
        ChargePointVendor = context.Template.Vendor,
        ChargePointModel = context.Template.Model,
        ChargePointSerialNumber = context.Template.SerialNumber ?? context.Id,
        FirmwareVersion = context.FirmwareVersion,
    };

    public void SendHeartbeat() => _ = context.Messages.Send(new HeartbeatRequest());

    /// <summary>A new power cycle: the next connection boots.</summary>
    public void Reset() => Status = null;

    /// <summary>A connection opened on <paramref name="opened"/>; within the same power cycle an accepted charge point is online at once.</summary>
    public void Attach(OcppRpcEndpoint opened)
    {
        endpoint = opened;
        if (Status == RegistrationStatus.Accepted)
        {
            queue.GoOnline(opened);
        }
    }

    /// <summary>Boots on the attached connection, or, when already accepted, carries on without a BootNotification (OCPP 1.6 §4.2).</summary>
    public Task StartAsync()
    {
        if (Status == RegistrationStatus.Accepted)
        {
            OnRegistered(booted: false);
            return Task.CompletedTask;
        }

        return BootAsync();
    }

    /// <summary>The connection is gone: no heartbeat and no boot retry on it, and the queue is offline.</summary>
    public void Detach()
    {
        endpoint = null;
        heartbeat.Disposable = null;
        bootRetry.Disposable = null;
        queue.GoOffline();
    }

    /// <summary>HeartbeatInterval changed, or the registration did: (re)starts the heartbeat while accepted.</summary>
    public void RestartHeartbeat()
    {
        var interval = context.Configuration.GetSeconds(Keys.HeartbeatInterval);
        heartbeat.Disposable = !queue.IsOnline || interval <= TimeSpan.Zero
            ? null
            : Observable.Interval(interval, context.Scheduler).Subscribe(_ => SendHeartbeat());
    }

    public void Dispose()
    {
        bootRetry.Dispose();
        heartbeat.Dispose();
    }

    private async Task BootAsync()
    {
        if (endpoint is not { } booting)
        {
            return;
        }

        BootNotificationResponse response;
        try
        {
            response = await context.Scheduler.Await(() => booting.CallAsync(BootRequest(), lifetime));
        }
        catch (Exception e) when (e is OcppCallErrorException or OcppCallTimeoutException or OcppInvalidResponseException)
        {
            ChargePointLog.CallFailed(context.Logger, context.Id, BootNotificationRequest.Action, 1, e);
            bootRetry.Disposable = context.Scheduler.Schedule(TimeSpan.FromSeconds(30), () => { _ = BootAsync(); });
            return;
        }
        catch (Exception e) when (e is OcppDisconnectedException or OperationCanceledException)
        {
            return; // the next connection boots again
        }

        Status = response.Status;
        ChargePointLog.Registered(context.Logger, context.Id, response.Status, response.Interval);
        if (response.Status == RegistrationStatus.Accepted)
        {
            if (response.Interval > 0)
            {
                context.Configuration.Set(Keys.HeartbeatInterval, response.Interval.ToString(CultureInfo.InvariantCulture));
            }

            if (endpoint is { } accepted)
            {
                queue.GoOnline(accepted);
            }

            OnRegistered(booted: true);
        }
        else
        {
            // Pending or Rejected: send nothing else, and boot again after the interval (OCPP 1.6 §4.2.1).
            var wait = TimeSpan.FromSeconds(response.Interval > 0 ? response.Interval : 60);
            bootRetry.Disposable = context.Scheduler.Schedule(wait, () => { _ = BootAsync(); });
        }
    }

    private void OnRegistered(bool booted)
    {
        RestartHeartbeat();
        Registered?.Invoke(booted);
        queue.SignalDrainedIfDone();
    }
}
