using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The connection to the Central System: connect, reconnect with back-off, BootNotification with the
/// Pending/Rejected retry, and Heartbeat (OCPP 1.6 §4.2, §4.6). It tells the message queue when the Central
/// System has accepted the charge point, and the rest of the charge point through <see cref="Registered"/>.
/// </summary>
internal sealed class Connection(
    ChargePointContext context,
    TransactionMessageQueue queue,
    IOcppConnector connector,
    Func<OcppRpcEndpoint> newEndpoint,
    Random random,
    CancellationToken lifetime) : IDisposable
{
    private readonly SerialDisposable connectTimer = new();
    private readonly SerialDisposable bootRetry = new();
    private readonly SerialDisposable heartbeat = new();
    private readonly Subject<bool> connectivity = new();
    private (OcppRpcEndpoint Endpoint, IOcppConnection Connection)? current;
    private bool networkUp = true;
    private int connectAttempts;
    private bool connecting;
    private int generation;

    /// <summary>The Central System accepted the charge point; true after a BootNotification, false on a reconnect without one.</summary>
    public event Action<bool>? Registered;

    /// <summary>The connection is gone.</summary>
    public event Action? Disconnected;

    /// <summary>True when a connection opens, false when it is lost or closed.</summary>
    public IObservable<bool> Connectivity => connectivity;

    public ReconnectBackoff Backoff { get; set; } = new();

    public bool IsPoweredOn { get; private set; }

    public bool IsConnected => current is not null;

    /// <summary>The registration status from the last BootNotification.conf; null before the first answer.</summary>
    public RegistrationStatus? Registration { get; private set; }

    public BootNotificationRequest BootRequest() => new()
    {
        ChargePointVendor = context.Template.Vendor,
        ChargePointModel = context.Template.Model,
        ChargePointSerialNumber = context.Template.SerialNumber ?? context.Id,
        FirmwareVersion = context.FirmwareVersion,
    };

    public void SendHeartbeat() => _ = context.Messages.Send(new HeartbeatRequest());

    /// <summary>Switched on: connect at once and boot (OCPP 1.6 §4.2).</summary>
    public void PowerOn()
    {
        IsPoweredOn = true;
        Registration = null;
        ScheduleConnect(TimeSpan.Zero);
    }

    /// <summary>Switched off: timers stop and the connection closes.</summary>
    public void PowerOff()
    {
        IsPoweredOn = false;
        Registration = null;
        heartbeat.Disposable = null;
        bootRetry.Disposable = null;
        connectTimer.Disposable = null;
        Disconnect();
    }

    /// <summary>The network goes down: the connection drops and no reconnection succeeds until <see cref="RestoreNetwork"/>.</summary>
    public void DropNetwork()
    {
        networkUp = false;
        connectTimer.Disposable = null;
        Disconnect();
    }

    public void RestoreNetwork()
    {
        networkUp = true;
        connectAttempts = 0;
        ScheduleConnect(TimeSpan.Zero);
    }

    /// <summary>Closes the connection and opens a new one at once, with what the transport presents now (Security Whitepaper §2.3, §2.4).</summary>
    public void Reconnect()
    {
        Disconnect();
        ScheduleConnect(TimeSpan.Zero);
    }

    /// <summary>HeartbeatInterval changed, or the registration did: (re)starts the heartbeat while accepted.</summary>
    public void RestartHeartbeat()
    {
        var interval = context.Configuration.GetSeconds(Keys.HeartbeatInterval);
        heartbeat.Disposable = !queue.IsOnline || interval <= TimeSpan.Zero
            ? null
            : Observable.Interval(interval, context.Scheduler).Subscribe(_ => SendHeartbeat());
    }

    /// <summary>Ends the session on the current connection and hands the connection back for the caller to close.</summary>
    public IOcppConnection? Detach()
    {
        var closing = current;
        current = null;
        generation++;
        if (closing is not { } open)
        {
            return null;
        }

        open.Endpoint.Close();
        OnDisconnected();
        connectivity.OnNext(false);
        return open.Connection;
    }

    /// <summary>
    /// Closes and disposes a connection without coming back to the scheduler in between, so that it also finishes
    /// when the charge point is being disposed and its scheduler has stopped (the fleet waits for every close
    /// handshake before it exits).
    /// </summary>
    public static async Task CloseOffSchedulerAsync(IOcppConnection connection, bool handshake)
    {
        try
        {
            if (handshake)
            {
                await connection.CloseAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await connection.DisposeAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Closing a connection that is already gone is not an error.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public void Dispose()
    {
        IsPoweredOn = false;
        connectTimer.Dispose();
        bootRetry.Dispose();
        heartbeat.Dispose();
    }

    /// <summary>The last word of a disposed charge point.</summary>
    public void Complete() => connectivity.OnCompleted();

    private void ScheduleConnect(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            connectTimer.Disposable = null;
            _ = ConnectAsync();
            return;
        }

        connectTimer.Disposable = context.Scheduler.Schedule(delay, () => { _ = ConnectAsync(); });
    }

    private async Task ConnectAsync()
    {
        if (!IsPoweredOn || !networkUp || current is not null || connecting || lifetime.IsCancellationRequested)
        {
            return;
        }

        connecting = true;
        var attempt = ++connectAttempts;
        try
        {
            await ConnectOnceAsync(attempt);
        }
        finally
        {
            connecting = false;
        }
    }

    private async Task ConnectOnceAsync(int attempt)
    {
        var endpoint = newEndpoint();
        IOcppConnection connection;
        try
        {
            connection = await context.Scheduler.Await(() => connector.ConnectAsync(context.Id, endpoint, lifetime));
        }
#pragma warning disable CA1031 // Any failure to connect means: try again later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await context.Scheduler.Await(() => endpoint.DisposeAsync().AsTask());
            var delay = Backoff.Delay(attempt, random.NextDouble());
            ChargePointLog.ConnectFailed(context.Logger, context.Id, attempt, delay, e);
            ScheduleConnect(delay);
            return;
        }

        if (!IsPoweredOn || !networkUp)
        {
            _ = CloseQuietlyAsync(connection, handshake: false);
            return;
        }

        current = (endpoint, connection);
        connectAttempts = 0;
        var gen = ++generation;
        var boot = Registration != RegistrationStatus.Accepted;
        if (!boot)
        {
            // A reconnect within the same power cycle needs no BootNotification (OCPP 1.6 §4.2).
            queue.GoOnline(endpoint);
        }

        ChargePointLog.Connected(context.Logger, context.Id);
        connectivity.OnNext(true);
        _ = WatchAsync(endpoint, connection, gen);
        if (boot)
        {
            await BootAsync();
        }
        else
        {
            OnRegistered(booted: false);
        }
    }

    private async Task WatchAsync(OcppRpcEndpoint endpoint, IOcppConnection connection, int gen)
    {
        await connection.Closed;
        if (generation != gen || current is null)
        {
            return;
        }

        current = null;
        var reconnect = IsPoweredOn && networkUp;

        // The Central System went away (killed, network reset): the CALL in flight has lost its answer. Fail it
        // now so that a transaction message is requeued at once instead of waiting out its call timeout, and
        // let go of the dead socket.
        endpoint.Close();
        _ = CloseQuietlyAsync(connection, handshake: false);

        ChargePointLog.Disconnected(context.Logger, context.Id);
        OnDisconnected();
        if (reconnect)
        {
            ScheduleConnect(Backoff.Delay(1, random.NextDouble()));
        }

        connectivity.OnNext(false);
    }

    /// <summary>Detaches and closes the current connection at once.</summary>
    private void Disconnect() => _ = Detach() is { } connection ? CloseQuietlyAsync(connection) : Task.CompletedTask;

    /// <summary>Closes (with the close handshake when <paramref name="handshake"/>) and disposes a connection, ignoring that it may be gone already.</summary>
    private Task CloseQuietlyAsync(IOcppConnection connection, bool handshake = true) =>
        context.Scheduler.Await(() => CloseOffSchedulerAsync(connection, handshake));

    private void OnDisconnected()
    {
        heartbeat.Disposable = null;
        bootRetry.Disposable = null;
        Disconnected?.Invoke();
        queue.GoOffline();
    }

    private async Task BootAsync()
    {
        if (current?.Endpoint is not { } endpoint)
        {
            return;
        }

        BootNotificationResponse response;
        try
        {
            response = await context.Scheduler.Await(() => endpoint.CallAsync(BootRequest(), lifetime));
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

        Registration = response.Status;
        ChargePointLog.Registered(context.Logger, context.Id, response.Status, response.Interval);
        if (response.Status == RegistrationStatus.Accepted)
        {
            if (response.Interval > 0)
            {
                context.Configuration.Set(Keys.HeartbeatInterval, response.Interval.ToString(CultureInfo.InvariantCulture));
            }

            if (current?.Endpoint is { } accepted)
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
