using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Subjects;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The connection to the Central System: connect while powered and the network is up, reconnect with
/// back-off when it is lost (OCPP 1.6 §4.2), close it on request. On a new connection
/// <see cref="BootAndHeartbeat"/> boots or carries on.
/// </summary>
internal sealed class Connection(
    ChargePointContext context,
    BootAndHeartbeat registration,
    IOcppConnector connector,
    Func<OcppRpcEndpoint> newEndpoint,
    Random random,
    CancellationToken lifetime) : IDisposable
{
    private readonly SerialDisposable connectTimer = new();
    private readonly Subject<bool> connectivity = new();
    private (OcppRpcEndpoint Endpoint, IOcppConnection Connection)? current;
    private bool networkUp = true;
    private int connectAttempts;
    private bool connecting;
    private int generation;

    /// <summary>The connection is gone.</summary>
    public event Action? Disconnected;

    /// <summary>True when a connection opens, false when it is lost or closed.</summary>
    public IObservable<bool> Connectivity => connectivity;

    public ReconnectBackoff Backoff { get; set; } = new();

    public bool IsPoweredOn { get; private set; }

    public bool IsConnected => current is not null;

    /// <summary>Switched on: connect at once and boot (OCPP 1.6 §4.2).</summary>
    public void PowerOn()
    {
        IsPoweredOn = true;
        registration.Reset();
        ScheduleConnect(TimeSpan.Zero);
    }

    /// <summary>Switched off: timers stop and the connection closes.</summary>
    public void PowerOff()
    {
        IsPoweredOn = false;
        registration.Reset();
        registration.Detach();
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
        registration.Attach(endpoint);

        ChargePointLog.Connected(context.Logger, context.Id);
        connectivity.OnNext(true);
        _ = WatchAsync(endpoint, connection, gen);
        await registration.StartAsync();
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
        Disconnected?.Invoke();
        registration.Detach();
    }
}
