using System.Reactive.Concurrency;
using System.Reactive.Linq;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>Starting and stopping transactions (OCPP 1.6 §4.8, §4.10, §5.11, §5.12).</summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>The transaction on a connector, if any.</summary>
    public Transaction? TransactionOn(int connectorId) => ConnectorAt(connectorId)?.Transaction;

    /// <summary>Marks <paramref name="state"/> authorized; starts at once if the cable is in, otherwise waits ConnectionTimeOut.</summary>
    private void SetAuthorized(ConnectorState state, Authorized authorized)
    {
        bool plugged;
        state.PendingAuthorization = authorized;
        plugged = state.Plugged;
        state.ConnectionTimeout?.Dispose();
        state.ConnectionTimeout = null;
        if (!plugged)
        {
            var timeout = Configuration.GetSeconds(Keys.ConnectionTimeOut);
            if (timeout > TimeSpan.Zero)
            {
                // OCPP 1.6 §9.1.6: without a cable within ConnectionTimeOut the authorization lapses (OCTT TC_004_2, TC_011_2).
                state.ConnectionTimeout = Observable.Timer(timeout, scheduler).Subscribe(_ => ConnectionTimedOut(state, authorized));
            }
        }

        // Report the authorized state before starting: a Reserved connector with the cable already in must pass
        // through Preparing (OCPP 1.6 §4.9; OCTT TC_046_2, TC_049). Elsewhere the cable already made it Preparing,
        // so this reports nothing new.
        RefreshStatus(state);
        if (plugged)
        {
            StartTransaction(state);
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

        RefreshStatus(state);
    }

    private void StartTransaction(ConnectorState state)
    {
        Transaction? tx = null;
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
        }
        else
        {
            var reservationId = authorized.ReservationId;
            if (state.Reservation is { } reservation)
            {
                reservation.Expiry?.Dispose();
                state.Reservation = null;
                reservationId ??= reservation.ReservationId;
            }

            state.Locked = !Template.FixedCable;
            state.Finishing = false;
            tx = new Transaction(state.Id, authorized.IdTag, authorized.ParentIdTag, reservationId, Now, (int)state.Meter.RegisterWh(Now));
            state.Transaction = tx;
        }

        if (tx is null)
        {
            RefreshStatus(state);
            return;
        }

        var request = new StartTransactionRequest
        {
            ConnectorId = state.Id,
            IdTag = tx.IdTag,
            MeterStart = tx.MeterStart,
            ReservationId = tx.ReservationId,
            Timestamp = tx.StartedAt,
        };
        _ = SendTransactional(() => request, response => OnTransactionStarted(state, tx, response));
        ApplyPower(state);
        StartSampling(state, tx);
        RefreshStatus(state);
    }

    private void OnTransactionStarted(ConnectorState state, Transaction tx, StartTransactionResponse response)
    {
        tx.TransactionId = response.TransactionId;
        tx.ParentIdTag ??= response.IdTagInfo.ParentIdTag;
        authorization.Learn(tx.IdTag, response.IdTagInfo);
        if (response.IdTagInfo.Status == AuthorizationStatus.Accepted)
        {
            return;
        }

        // The Central System refused the IdTag of a started transaction (OCPP 1.6 §5.11; OCTT TC_037_2, TC_037_3).
        if (Configuration.GetBool(Keys.StopTransactionOnInvalidId))
        {
            StopTransaction(state, Reason.DeAuthorized, null);
        }
        else
        {
            // OCPP 1.6 §9.1.16: up to MaxEnergyOnInvalidId Wh may still be delivered before delivery is suspended.
            var allowanceWh = Configuration.GetInt(Keys.MaxEnergyOnInvalidId);
            tx.SuspendAtWh = state.Meter.RegisterWh(Now) + allowanceWh;

            CheckInvalidIdAllowance(state, tx);
        }
    }

    /// <summary>Suspends delivery once the energy allowed after an invalid IdTag has been delivered; until then, checks again when it will have been.</summary>
    private void CheckInvalidIdAllowance(ConnectorState state, Transaction tx)
    {
        if (state.Transaction != tx || tx.SuspendAtWh is not { } suspendAtWh || tx.SuspendedByInvalidId)
        {
            return;
        }

        if (suspendAtWh - state.Meter.RegisterWh(Now) > 0.5)
        {
            ScheduleInvalidIdAllowanceCheck(state, tx);
            return;
        }

        tx.InvalidIdAllowance?.Dispose();
        tx.SuspendedByInvalidId = true;

        ApplyPower(state);
        RefreshStatus(state);
    }

    /// <summary>
    /// Plans the next allowance check for the moment the present power reaches the limit. Called again by
    /// <see cref="ApplyPower"/> on every change of power; at no power there is nothing to plan. Caller holds the lock.
    /// </summary>
    private void ScheduleInvalidIdAllowanceCheck(ConnectorState state, Transaction tx)
    {
        tx.InvalidIdAllowance?.Dispose();
        tx.InvalidIdAllowance = null;
        var power = state.Meter.PowerW;
        if (tx.SuspendAtWh is not { } suspendAtWh || power <= 0)
        {
            return;
        }

        var due = TimeSpan.FromHours(Math.Max(0, suspendAtWh - state.Meter.RegisterWh(Now)) / power);
        tx.InvalidIdAllowance = scheduler.Schedule(due, () => CheckInvalidIdAllowance(state, tx));
    }

    /// <summary>Ends the transaction on <paramref name="state"/> with <paramref name="reason"/> and queues StopTransaction.</summary>
    private void StopTransaction(ConnectorState state, Reason reason, string? idTag)
    {
        Transaction tx;
        int meterStop;
        DateTimeOffset stoppedAt;
        if (state.Transaction is not { } running)
        {
            return;
        }

        tx = running;
        tx.Sampling?.Dispose();
        tx.InvalidIdAllowance?.Dispose();
        stoppedAt = Now;
        state.Meter.SetCurrent(stoppedAt, 0);
        meterStop = (int)state.Meter.RegisterWh(stoppedAt);
        state.Transaction = null;
        state.EvSideDisconnected = false;
        state.Finishing = state.Plugged || (reason == Reason.EVDisconnected && !Template.FixedCable);
        if (state.ScheduledOperative is { } operative)
        {
            // A ChangeAvailability answered Scheduled takes effect now (OCPP 1.6 §5.2).
            state.Operative = operative;
            state.ScheduledOperative = null;
        }

        chargingSchedules.Profiles.EndTransaction(state.Id);
        var data = StopTransactionData(tx, stoppedAt);
        _ = SendTransactional(
            () => tx.TransactionId is { } id
                ? new StopTransactionRequest
                {
                    TransactionId = id,
                    IdTag = idTag,
                    MeterStop = meterStop,
                    Timestamp = stoppedAt,
                    Reason = reason == Reason.Local && Template.OmitLocalStopReason ? null : reason,
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
        RefreshStatus(state);
    }

    private List<MeterValue> StopTransactionData(Transaction tx, DateTimeOffset stoppedAt)
    {
        var data = new List<MeterValue>(tx.StopData);
        var sampled = Configuration.GetMeasurands(Keys.StopTxnSampledData);
        if (sampled.Count > 0)
        {
            data.Add(Sample(connectors[tx.ConnectorId], sampled, ReadingContext.TransactionEnd, stoppedAt));
        }

        return data;
    }

    private void StopAllTransactions(Reason reason)
    {
        foreach (var state in Outlets)
        {
            StopTransaction(state, reason, null);
        }
    }
}
