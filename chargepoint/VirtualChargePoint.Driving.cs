using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// The driving API: what a driver, an EV, an electrician or the network does to the charge point, each
/// with its OCPP consequences (the "manual actions" of the OCTT test cases).
/// </summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>Plugs the cable in at both sides; starts the transaction if an IdTag is already authorized.</summary>
    /// <param name="connectorId">The connector.</param>
    /// <param name="lockFails">The cable goes in only halfway, so the connector lock fails when a transaction would start (OCTT TC_024).</param>
    public void PlugIn(int connectorId, bool lockFails = false) => scheduler.Run(() => PlugInNow(connectorId, lockFails));

    private void PlugInNow(int connectorId, bool lockFails = false)
    {
        var state = Outlet(connectorId);
        bool start;
        state.Plugged = true;
        state.LockWillFail = lockFails;
        state.EvSideDisconnected = false;
        start = state.PendingAuthorization is not null;

        if (start)
        {
            StartTransaction(state);
        }
        else
        {
            ApplyPower(state);
            RefreshStatus(state);
        }
    }

    /// <summary>
    /// The driver presents an IdTag at a connector: starts a transaction, stops the one running (same tag, or a
    /// tag of the same group), or withdraws an earlier authorization. Returns the authorization outcome.
    /// </summary>
    public Task<AuthorizationStatus> PresentIdTagAsync(int connectorId, string idTag, CancellationToken cancellationToken = default)
    {
        var state = Outlet(connectorId);
        return scheduler.InvokeAsync(() => PresentIdTagNowAsync(state, idTag, cancellationToken));
    }

    private async Task<AuthorizationStatus> PresentIdTagNowAsync(ConnectorState state, string idTag, CancellationToken cancellationToken)
    {
        Transactions.Transaction? tx;
        Authorized? pending;
        Reservation? reservation;
        bool usable;
        tx = state.Transaction;
        pending = state.PendingAuthorization;
        reservation = state.Reservation;
        usable = IsUsable(state);

        if (tx is not null)
        {
            return await StopByIdTagAsync(state, tx, idTag);
        }

        if (pending is not null && string.Equals(pending.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            // Presenting the same card again withdraws the authorization (OCTT TC_061).
            state.PendingAuthorization = null;
            state.ConnectionTimeout?.Dispose();
            state.ConnectionTimeout = null;

            RefreshStatus(state);
            return AuthorizationStatus.Accepted;
        }

        if (!usable)
        {
            return AuthorizationStatus.Blocked; // a faulted or unavailable connector starts nothing (OCTT TC_041)
        }

        var isReservationTag = reservation is not null && string.Equals(reservation.IdTag, idTag, StringComparison.OrdinalIgnoreCase);
        if (reservation is not null && !isReservationTag && reservation.ParentIdTag is null)
        {
            return AuthorizationStatus.Blocked; // reserved for someone else (OCTT TC_046_1)
        }

        var info = await authorization.AuthorizeAsync(idTag).WaitAsync(cancellationToken);
        if (info.Status != AuthorizationStatus.Accepted)
        {
            return info.Status;
        }

        if (reservation is not null && !isReservationTag
            && !string.Equals(info.ParentIdTag, reservation.ParentIdTag, StringComparison.OrdinalIgnoreCase))
        {
            return AuthorizationStatus.Blocked;
        }

        SetAuthorized(state, new Authorized(idTag, info.ParentIdTag, reservation?.ReservationId, Remote: false));
        return AuthorizationStatus.Accepted;
    }

    private async Task<AuthorizationStatus> StopByIdTagAsync(ConnectorState state, Transactions.Transaction tx, string idTag)
    {
        if (string.Equals(tx.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            StopTransaction(state, Reason.Local, idTag);
            return AuthorizationStatus.Accepted;
        }

        if (tx.ParentIdTag is null)
        {
            // Without a group, no other tag can stop it: no Authorize is needed to know (OCTT TC_068).
            return AuthorizationStatus.Invalid;
        }

        var info = await authorization.AuthorizeAsync(idTag);
        if (info.Status == AuthorizationStatus.Accepted && string.Equals(info.ParentIdTag, tx.ParentIdTag, StringComparison.OrdinalIgnoreCase))
        {
            StopTransaction(state, Reason.Local, idTag); // OCTT TC_069
            return AuthorizationStatus.Accepted;
        }

        return AuthorizationStatus.Invalid;
    }

    /// <summary>
    /// The cable is pulled out at the EV side (OCPP 1.6 §9.1.23, §9.1.24): with StopTransactionOnEVSideDisconnect
    /// the transaction stops with reason EVDisconnected, otherwise it goes SuspendedEV and continues.
    /// </summary>
    public void UnplugEvSide(int connectorId) => scheduler.Run(() => UnplugEvSideNow(connectorId));

    private void UnplugEvSideNow(int connectorId)
    {
        var state = Outlet(connectorId);
        bool hasTransaction;
        hasTransaction = state.Transaction is not null;

        if (hasTransaction && !Configuration.GetBool(Keys.StopTransactionOnEVSideDisconnect))
        {
            state.EvSideDisconnected = true;

            ApplyPower(state);
            RefreshStatus(state);
            return;
        }

        state.Plugged = false;
        if (Configuration.GetBool(Keys.UnlockConnectorOnEVSideDisconnect))
        {
            state.Locked = false;
        }

        if (hasTransaction)
        {
            StopTransaction(state, Reason.EVDisconnected, null);
        }
        else
        {
            state.Finishing = false;

            RefreshStatus(state);
        }
    }

    /// <summary>The cable is taken out completely: the connector becomes free.</summary>
    public void Unplug(int connectorId) => scheduler.Run(() => UnplugNow(connectorId));

    private void UnplugNow(int connectorId)
    {
        var state = Outlet(connectorId);
        bool hasTransaction;
        hasTransaction = state.Transaction is not null;
        state.Plugged = false;

        if (hasTransaction)
        {
            StopTransaction(state, Reason.EVDisconnected, null);
        }

        state.Finishing = false;
        state.Locked = false;
        state.EvSideDisconnected = false;

        RefreshStatus(state);
    }

    /// <summary>The EV stops drawing energy although it is offered (SuspendedEV), or resumes.</summary>
    public void SetEvSuspended(int connectorId, bool suspended) => scheduler.Run(() => SetEvSuspendedNow(connectorId, suspended));

    private void SetEvSuspendedNow(int connectorId, bool suspended)
    {
        var state = Outlet(connectorId);
        state.EvSuspended = suspended;

        ApplyPower(state);
        RefreshStatus(state);
    }

    /// <summary>Sets the current per phase the EV would draw if allowed.</summary>
    public void SetEvDemand(int connectorId, decimal amperesPerPhase) => scheduler.Run(() => SetEvDemandNow(connectorId, amperesPerPhase));

    private void SetEvDemandNow(int connectorId, decimal amperesPerPhase)
    {
        var state = Outlet(connectorId);
        state.EvDemandAmperes = amperesPerPhase;

        ApplyPower(state);
    }

    /// <summary>Puts a connector, or the whole charge point with connector 0, into a fault (OCTT TC_041, SetChargePointFaulted).</summary>
    public void Fault(int connectorId, ChargePointErrorCode errorCode = ChargePointErrorCode.OtherError, string? info = null) => scheduler.Run(() => FaultNow(connectorId, errorCode, info));

    private void FaultNow(int connectorId, ChargePointErrorCode errorCode = ChargePointErrorCode.OtherError, string? info = null)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        state.Fault = errorCode;
        state.FaultInfo = info;

        ApplyPowerEverywhere();
        RefreshAllStatuses();
    }

    /// <summary>Clears a fault.</summary>
    public void ClearFault(int connectorId) => scheduler.Run(() => ClearFaultNow(connectorId));

    private void ClearFaultNow(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        state.Fault = null;
        state.FaultInfo = null;

        ApplyPowerEverywhere();
        RefreshAllStatuses();
    }

    /// <summary>
    /// The power goes. With backup power (template) transactions stop with reason PowerLoss first (OCTT TC_032_1);
    /// without, they are kept and ended with PowerLoss when the power returns (TC_032_2).
    /// </summary>
    public Task CutPowerAsync(CancellationToken cancellationToken = default) =>
        scheduler.InvokeAsync(async () =>
        {
            await CutPowerNowAsync(cancellationToken);
            return true;
        });

    private async Task CutPowerNowAsync(CancellationToken cancellationToken)
    {
        if (Template.BackupPower)
        {
            StopAllTransactions(Reason.PowerLoss);
            await MessagesDrainedAsync().WaitAsync(cancellationToken);
        }

        PowerOff();
    }

    /// <summary>The power returns: the charge point boots.</summary>
    public void RestorePower() => PowerOn();

    /// <summary>The network goes down: the connection drops and no reconnection succeeds until <see cref="RestoreNetwork"/>.</summary>
    public void DropNetwork() => scheduler.Run(() => DropNetworkNow());

    private void DropNetworkNow()
    {
        networkUp = false;

        connectTimer.Disposable = null;
        Disconnect();
        SignalDrainedIfDone();
    }

    /// <summary>The network is back: the charge point reconnects at once and delivers what it queued.</summary>
    public void RestoreNetwork() => scheduler.Run(() => RestoreNetworkNow());

    private void RestoreNetworkNow()
    {
        networkUp = true;
        connectAttempts = 0;

        ScheduleConnect(TimeSpan.Zero);
    }

    private ConnectorState Outlet(int connectorId) =>
        connectorId >= 1 && connectorId < connectors.Length ? connectors[connectorId] : throw new ArgumentOutOfRangeException(nameof(connectorId));
}
