using System.Reactive.Linq;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>Starting and stopping transactions (OCPP 1.6 §4.8, §4.10, §5.11, §5.12).</summary>
internal sealed class TransactionControl(ChargePointContext context, PowerAndMeterValues metering, IdTagAuthorization authorization, ChargingSchedules chargingSchedules)
{
    /// <summary>Marks <paramref name="state"/> authorized; starts at once if the cable is in, otherwise waits ConnectionTimeOut.</summary>
    public void SetAuthorized(ConnectorState state, Authorized authorized)
    {
        state.PendingAuthorization = authorized;
        var plugged = state.Plugged;
        state.ConnectionTimeout?.Dispose();
        state.ConnectionTimeout = null;
        if (!plugged)
        {
            var timeout = context.Configuration.GetSeconds(Keys.ConnectionTimeOut);
            if (timeout > TimeSpan.Zero)
            {
                // OCPP 1.6 §9.1.6: without a cable within ConnectionTimeOut the authorization lapses (OCTT TC_004_2, TC_011_2).
                state.ConnectionTimeout = Observable.Timer(timeout, context.Scheduler).Subscribe(_ => ConnectionTimedOut(state, authorized));
            }
        }

        // Report the authorized state before starting: a Reserved connector with the cable already in must pass
        // through Preparing (OCPP 1.6 §4.9; OCTT TC_046_2, TC_049). Elsewhere the cable already made it Preparing,
        // so this reports nothing new.
        context.RefreshStatus(state);
        if (plugged)
        {
            Start(state);
        }
    }

    /// <summary>Withdraws an authorization that has not started a transaction yet (OCTT TC_061).</summary>
    public void Withdraw(ConnectorState state)
    {
        state.PendingAuthorization = null;
        state.ConnectionTimeout?.Dispose();
        state.ConnectionTimeout = null;
        context.RefreshStatus(state);
    }

    /// <summary>Starts a transaction when the connector is authorized and the cable is in.</summary>
    public void Start(ConnectorState state)
    {
        if (state.PendingAuthorization is not { } authorized || state.Transaction is not null || !state.Plugged)
        {
            return;
        }

        state.PendingAuthorization = null;
        state.ConnectionTimeout?.Dispose();
        state.ConnectionTimeout = null;
        if (state.LockWillFail)
        {
            // The cable went in only halfway: the lock fails and no transaction starts (OCTT TC_024).
            state.LockWillFail = false;
            state.Fault = ChargePointErrorCode.ConnectorLockFailure;
            context.RefreshStatus(state);
            return;
        }

        var reservationId = authorized.ReservationId;
        if (state.Reservation is { } reservation)
        {
            reservation.Expiry?.Dispose();
            state.Reservation = null;
            reservationId ??= reservation.ReservationId;
        }

        state.Locked = !context.Template.FixedCable;
        state.Finishing = false;
        var now = context.Now;
        var tx = new Transaction(state.Id, authorized.IdTag, authorized.ParentIdTag, reservationId, now, (int)state.Meter.RegisterWh(now));
        state.Transaction = tx;
        var request = new StartTransactionRequest
        {
            ConnectorId = state.Id,
            IdTag = tx.IdTag,
            MeterStart = tx.MeterStart,
            ReservationId = tx.ReservationId,
            Timestamp = tx.StartedAt,
        };
        _ = context.Messages.SendTransactional(() => request, response => OnStarted(state, tx, response));
        metering.ApplyPower(state);
        metering.StartSampling(state, tx);
        context.RefreshStatus(state);
    }

    /// <summary>Ends the transaction on <paramref name="state"/> with <paramref name="reason"/> and queues StopTransaction.</summary>
    public void Stop(ConnectorState state, Reason reason, string? idTag)
    {
        if (state.Transaction is not { } tx)
        {
            return;
        }

        tx.Sampling?.Dispose();
        tx.InvalidIdAllowance?.Dispose();
        var stoppedAt = context.Now;
        state.Meter.SetCurrent(stoppedAt, 0);
        var meterStop = (int)state.Meter.RegisterWh(stoppedAt);
        state.Transaction = null;
        state.EvSideDisconnected = false;
        state.Finishing = state.Plugged || (reason == Reason.EVDisconnected && !context.Template.FixedCable);
        if (state.ScheduledOperative is { } operative)
        {
            // A ChangeAvailability answered Scheduled takes effect now (OCPP 1.6 §5.2).
            state.Operative = operative;
            state.ScheduledOperative = null;
        }

        chargingSchedules.Profiles.EndTransaction(state.Id);
        var data = metering.StopTransactionData(state, tx, stoppedAt);
        var omitReason = reason == Reason.Local && context.Template.OmitLocalStopReason;
        _ = context.Messages.SendTransactional(
            () => tx.TransactionId is { } id
                ? new StopTransactionRequest
                {
                    TransactionId = id,
                    IdTag = idTag,
                    MeterStop = meterStop,
                    Timestamp = stoppedAt,
                    Reason = omitReason ? null : reason,
                    TransactionData = data.Count > 0 ? data : null,
                }
                : null,
            response =>
            {
                if (idTag is not null && response.IdTagInfo is { } info)
                {
                    authorization.Learn(idTag, info);
                }
            });
        context.RefreshStatus(state);
    }

    public void StopAll(Reason reason)
    {
        foreach (var state in context.Outlets)
        {
            Stop(state, reason, null);
        }
    }

    private void ConnectionTimedOut(ConnectorState state, Authorized authorized)
    {
        if (!ReferenceEquals(state.PendingAuthorization, authorized))
        {
            return;
        }

        state.PendingAuthorization = null;
        state.ConnectionTimeout = null;
        context.RefreshStatus(state);
    }

    private void OnStarted(ConnectorState state, Transaction tx, StartTransactionResponse response)
    {
        tx.TransactionId = response.TransactionId;
        tx.ParentIdTag ??= response.IdTagInfo.ParentIdTag;
        authorization.Learn(tx.IdTag, response.IdTagInfo);
        if (response.IdTagInfo.Status == AuthorizationStatus.Accepted)
        {
            return;
        }

        // The Central System refused the IdTag of a started transaction (OCPP 1.6 §5.11; OCTT TC_037_2, TC_037_3).
        if (context.Configuration.GetBool(Keys.StopTransactionOnInvalidId))
        {
            Stop(state, Reason.DeAuthorized, null);
        }
        else
        {
            metering.AllowAfterInvalidId(state, tx);
        }
    }
}
