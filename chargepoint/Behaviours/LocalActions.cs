using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// What a driver, an EV or an electrician does at the charge point, with its OCPP consequences (the "manual
/// actions" of the OCTT test cases): cable in and out, a card presented, the EV pausing, a fault.
/// </summary>
internal sealed class LocalActions(
    ChargePointContext context,
    TransactionControl transactions,
    PowerAndMeterValues metering,
    ConnectorStatus status,
    IdTagAuthorization authorization)
{
    public void PlugIn(ConnectorState state, bool lockFails)
    {
        state.Plugged = true;
        state.LockWillFail = lockFails;
        state.EvSideDisconnected = false;
        if (state.PendingAuthorization is not null)
        {
            transactions.Start(state);
        }
        else
        {
            metering.ApplyPower(state);
            context.RefreshStatus(state);
        }
    }

    /// <summary>
    /// Starts a transaction, stops the one running (same tag, or a tag of the same group), or withdraws an
    /// earlier authorization. Returns the authorization outcome.
    /// </summary>
    public async Task<AuthorizationStatus> PresentIdTagAsync(ConnectorState state, string idTag, CancellationToken cancellationToken)
    {
        var reservation = state.Reservation;
        if (state.Transaction is { } tx)
        {
            return await StopByIdTagAsync(state, tx, idTag);
        }

        if (state.PendingAuthorization is { } pending && string.Equals(pending.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            transactions.Withdraw(state); // presenting the same card again withdraws the authorization (OCTT TC_061)
            return AuthorizationStatus.Accepted;
        }

        if (!status.IsUsable(state))
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

        transactions.SetAuthorized(state, new Authorized(idTag, info.ParentIdTag, reservation?.ReservationId, Remote: false));
        return AuthorizationStatus.Accepted;
    }

    /// <summary>
    /// The cable is pulled out at the EV side (OCPP 1.6 §9.1.23, §9.1.24): with StopTransactionOnEVSideDisconnect
    /// the transaction stops with reason EVDisconnected, otherwise it goes SuspendedEV and continues.
    /// </summary>
    public void UnplugEvSide(ConnectorState state)
    {
        var hasTransaction = state.Transaction is not null;
        if (hasTransaction && !context.Configuration.GetBool(Keys.StopTransactionOnEVSideDisconnect))
        {
            state.EvSideDisconnected = true;
            metering.ApplyPower(state);
            context.RefreshStatus(state);
            return;
        }

        state.Plugged = false;
        if (context.Configuration.GetBool(Keys.UnlockConnectorOnEVSideDisconnect))
        {
            state.Locked = false;
        }

        if (hasTransaction)
        {
            transactions.Stop(state, Reason.EVDisconnected, null);
        }
        else
        {
            state.Finishing = false;
            context.RefreshStatus(state);
        }
    }

    /// <summary>The cable is taken out completely: the connector becomes free.</summary>
    public void Unplug(ConnectorState state)
    {
        state.Plugged = false;
        transactions.Stop(state, Reason.EVDisconnected, null);
        state.Finishing = false;
        state.Locked = false;
        state.EvSideDisconnected = false;
        context.RefreshStatus(state);
    }

    /// <summary>The EV stops drawing energy although it is offered (SuspendedEV), or resumes.</summary>
    public void SetEvSuspended(ConnectorState state, bool suspended)
    {
        state.EvSuspended = suspended;
        metering.ApplyPower(state);
        context.RefreshStatus(state);
    }

    /// <summary>Sets the current per phase the EV would draw if allowed.</summary>
    public void SetEvDemand(ConnectorState state, decimal amperesPerPhase)
    {
        state.EvDemandAmperes = amperesPerPhase;
        metering.ApplyPower(state);
    }

    /// <summary>Puts a connector, or the whole charge point with connector 0, into a fault or out of it (<paramref name="errorCode"/> null).</summary>
    public void SetFault(ConnectorState state, ChargePointErrorCode? errorCode, string? info)
    {
        state.Fault = errorCode;
        state.FaultInfo = info;
        metering.ApplyPowerEverywhere();
        status.RefreshAll();
    }

    private async Task<AuthorizationStatus> StopByIdTagAsync(ConnectorState state, Transaction tx, string idTag)
    {
        if (string.Equals(tx.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            transactions.Stop(state, Reason.Local, idTag);
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
            transactions.Stop(state, Reason.Local, idTag); // OCTT TC_069
            return AuthorizationStatus.Accepted;
        }

        return AuthorizationStatus.Invalid;
    }
}
