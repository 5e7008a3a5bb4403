using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>Connection, reconnection with back-off, BootNotification and Heartbeat (OCPP 1.6 §4.2, §4.6).</summary>
public sealed partial class VirtualChargePoint
{
    private static readonly ReconnectBackoff DefaultBackoff = new();
    private readonly SerialDisposable connectTimer = new();
    private readonly SerialDisposable bootRetry = new();
    private readonly SerialDisposable heartbeat = new();
    private (OcppRpcEndpoint Endpoint, IOcppConnection Connection)? current;
    private RegistrationStatus? registration;
    private bool poweredOn;
    private bool networkUp = true;
    private int connectAttempts;
    private bool connecting;
    private int generation;

    private readonly System.Reactive.Subjects.Subject<bool> connectivity = new();

    /// <summary>True when a connection opens, false when it is lost or closed.</summary>
    public IObservable<bool> Connectivity => connectivity;

    /// <summary>How reconnection attempts are spaced.</summary>
    public ReconnectBackoff Backoff { get; init; } = DefaultBackoff;

    /// <summary>Switches the charge point on: it connects and sends BootNotification (OCPP 1.6 §4.2).</summary>
    public void PowerOn() => scheduler.Run(PowerOnNow);

    private void PowerOnNow()
    {
        List<ConnectorState> interrupted;
        if (poweredOn)
        {
            return;
        }

        poweredOn = true;
        registration = null;
        interrupted = [.. Outlets.Where(c => c.Transaction is not null)];

        // Without backup power the transactions were interrupted: end them now (OCTT TC_032_2, second outcome).
        foreach (var state in interrupted)
        {
            StopTransaction(state, Reason.PowerLoss, null);
        }

        ScheduleConnect(TimeSpan.Zero);
    }

    private void ScheduleConnect(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            connectTimer.Disposable = null;
            _ = ConnectAsync();
            return;
        }

        connectTimer.Disposable = scheduler.Schedule(delay, () => { _ = ConnectAsync(); });
    }

    private async Task ConnectAsync()
    {
        if (!poweredOn || !networkUp || current is not null || connecting || lifetime.IsCancellationRequested)
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
        var endpoint = new OcppRpcEndpoint(
            Id,
            new InboundDispatcher(this, Router.Bind(this)),
            new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(Template.CallTimeoutSeconds) },
            time,
            new FrameTap(this));
        IOcppConnection connection;
        try
        {
            connection = await scheduler.Await(() => connector.ConnectAsync(Id, endpoint, lifetime.Token));
        }
#pragma warning disable CA1031 // Any failure to connect means: try again later.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await scheduler.Await(() => endpoint.DisposeAsync().AsTask());
            var delay = Backoff.Delay(attempt, random.NextDouble());
            ChargePointLog.ConnectFailed(logger, Id, attempt, delay, e);
            ScheduleConnect(delay);
            return;
        }

        int gen;
        bool boot;
        if (!poweredOn || !networkUp)
        {
            _ = CloseQuietlyAsync(connection, handshake: false);
            return;
        }

        current = (endpoint, connection);
        connectAttempts = 0;
        gen = ++generation;
        boot = registration != RegistrationStatus.Accepted;

        ChargePointLog.Connected(logger, Id);
        connectivity.OnNext(true);
        _ = WatchAsync(endpoint, connection, gen);
        if (boot)
        {
            await BootAsync();
        }
        else
        {
            // A reconnect within the same power cycle needs no BootNotification (OCPP 1.6 §4.2).
            OnRegistered(resendAllStatuses: false);
        }
    }

    private async Task WatchAsync(OcppRpcEndpoint endpoint, IOcppConnection connection, int gen)
    {
        await connection.Closed;
        bool reconnect;
        if (generation != gen || current is null)
        {
            return;
        }

        current = null;
        reconnect = poweredOn && networkUp;

        // The Central System went away (killed, network reset): the CALL in flight has lost its answer. Fail it
        // now so that a transaction message is requeued at once instead of waiting out its call timeout, and
        // let go of the dead socket.
        endpoint.Close();
        _ = CloseQuietlyAsync(connection, handshake: false);

        ChargePointLog.Disconnected(logger, Id);
        OnDisconnected();
        if (reconnect)
        {
            ScheduleConnect(Backoff.Delay(1, random.NextDouble()));
        }

        connectivity.OnNext(false);
    }

    /// <summary>Detaches and closes the current connection at once.</summary>
    private void Disconnect() => _ = Detach() is { } connection ? CloseQuietlyAsync(connection) : Task.CompletedTask;

    /// <summary>Ends the session on the current connection and hands the connection back for the caller to close.</summary>
    private IOcppConnection? Detach()
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

    /// <summary>Closes (with the close handshake when <paramref name="handshake"/>) and disposes a connection, ignoring that it may be gone already.</summary>
    private Task CloseQuietlyAsync(IOcppConnection connection, bool handshake = true) =>
        scheduler.Await(() => CloseOffSchedulerAsync(connection, handshake));

    /// <summary>
    /// Closes and disposes a connection without coming back to the scheduler in between, so that it also finishes
    /// when the charge point is being disposed and its scheduler has stopped (the fleet waits for every close
    /// handshake before it exits).
    /// </summary>
    private static async Task CloseOffSchedulerAsync(IOcppConnection connection, bool handshake)
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

    private void OnDisconnected()
    {
        AbandonAnswers();
        heartbeat.Disposable = null;
        bootRetry.Disposable = null;
        DropNonTransactionalMessages();
        SignalDrainedIfDone();
    }

    private async Task BootAsync()
    {
        OcppRpcEndpoint? endpoint;
        endpoint = current?.Endpoint;

        if (endpoint is null)
        {
            return;
        }

        BootNotificationResponse response;
        try
        {
            response = await scheduler.Await(() => endpoint.CallAsync(BootRequest(), lifetime.Token));
        }
        catch (Exception e) when (e is OcppCallErrorException or OcppCallTimeoutException or OcppInvalidResponseException)
        {
            ChargePointLog.CallFailed(logger, Id, BootNotificationRequest.Action, 1, e);
            bootRetry.Disposable = scheduler.Schedule(TimeSpan.FromSeconds(30), () => { _ = BootAsync(); });
            return;
        }
        catch (Exception e) when (e is OcppDisconnectedException or OperationCanceledException)
        {
            return; // the next connection boots again
        }

        registration = response.Status;

        ChargePointLog.Registered(logger, Id, response.Status, response.Interval);
        if (response.Status == RegistrationStatus.Accepted)
        {
            if (response.Interval > 0)
            {
                Configuration.Set(Keys.HeartbeatInterval, response.Interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            OnRegistered(resendAllStatuses: true);
        }
        else
        {
            // Pending or Rejected: send nothing else, and boot again after the interval (OCPP 1.6 §4.2.1).
            var wait = TimeSpan.FromSeconds(response.Interval > 0 ? response.Interval : 60);
            bootRetry.Disposable = scheduler.Schedule(wait, () => { _ = BootAsync(); });
        }
    }

    private BootNotificationRequest BootRequest() => new()
    {
        ChargePointVendor = Template.Vendor,
        ChargePointModel = Template.Model,
        ChargePointSerialNumber = Template.SerialNumber ?? Id,
        FirmwareVersion = firmwareVersion ?? Template.FirmwareVersion,
    };

    private void OnRegistered(bool resendAllStatuses)
    {
        StartHeartbeat();
        ReportAllStatuses(resendAllStatuses);
        AfterBoot();
        OnSecurityRegistered(resendAllStatuses);
        Wake();
    }

    private void StartHeartbeat()
    {
        bool online;
        online = current is not null && registration == RegistrationStatus.Accepted;

        var interval = Configuration.GetSeconds(Keys.HeartbeatInterval);
        heartbeat.Disposable = !online || interval <= TimeSpan.Zero
            ? null
            : Observable.Interval(interval, scheduler).Subscribe(_ => SendHeartbeat());
    }

    private void SendHeartbeat() => _ = Send(new HeartbeatRequest());
}
