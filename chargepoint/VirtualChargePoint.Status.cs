using System.Reactive.Linq;
using System.Reactive.Subjects;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// Connector status (OCPP 1.6 §4.9): the status is derived from the connector's state, and a change is
/// reported with StatusNotification once it has lasted MinimumStatusDuration seconds.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly Dictionary<int, ISubject<StatusReport>> statusChanges = [];
    private readonly Subject<(int ConnectorId, StatusReport Report)> statusReported = new();

    /// <summary>Every StatusNotification the charge point decided to send, by connector.</summary>
    public IObservable<(int ConnectorId, StatusReport Report)> StatusReports => statusReported;

    /// <summary>The status of a connector as the charge point sees it now (0 = the charge point).</summary>
    public ChargePointStatus StatusOf(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => Derive(state).Status);
    }

    private IDisposable WireStatus(ConnectorState state)
    {
        // Every state change runs on the charge point's scheduler, so the subject needs no synchronization.
        var changes = new Subject<StatusReport>();
        statusChanges[state.Id] = changes;
        return changes
            .Select(report =>
            {
                var minimum = Configuration.GetSeconds(Keys.MinimumStatusDuration);
                return minimum <= TimeSpan.Zero ? Observable.Return(report) : Observable.Return(report).Delay(minimum, scheduler);
            })
            .Switch()
            .Subscribe(report => Report(state, report, force: false));
    }

    /// <summary>Re-derives the status of <paramref name="state"/> and reports a change.</summary>
    private void RefreshStatus(ConnectorState state)
    {
        StatusReport report;
        report = Derive(state);

        statusChanges[state.Id].OnNext(report);
        if (state.Id != 0)
        {
            RefreshStatus(connectors[0]);
        }
    }

    private void RefreshAllStatuses()
    {
        foreach (var state in connectors)
        {
            RefreshStatus(state);
        }
    }

    private void ReportAllStatuses(bool force)
    {
        foreach (var state in connectors)
        {
            StatusReport report;
            report = Derive(state);

            Report(state, report, force);
        }
    }

    private void Report(ConnectorState state, StatusReport report, bool force)
    {
        if (!IsOnline || (!force && state.Reported == report))
        {
            return;
        }

        state.Reported = report;

        statusReported.OnNext((state.Id, report));
        _ = SendStatusNotification(state.Id, report);
    }

    private async Task SendStatusNotification(int connectorId, StatusReport report)
    {
        try
        {
            await Send(new StatusNotificationRequest
            {
                ConnectorId = connectorId,
                Status = report.Status,
                ErrorCode = report.ErrorCode,
                Info = report.Info,
                Timestamp = Now,
            });
        }
#pragma warning disable CA1031 // Whatever the reason, the status was not delivered.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Not delivered: report again after the next (re)connection.
            connectors[connectorId].Reported = null;
        }
    }

    /// <summary>The status of a connector from its state (OCPP 1.6 §4.9, §7.7). Caller holds the lock.</summary>
    private StatusReport Derive(ConnectorState state)
    {
        if (state.Id == 0)
        {
            if (state.Fault is { } cpFault)
            {
                return new StatusReport(ChargePointStatus.Faulted, cpFault, state.FaultInfo);
            }

            return new StatusReport(state.Operative ? ChargePointStatus.Available : ChargePointStatus.Unavailable, ChargePointErrorCode.NoError, null);
        }

        var whole = connectors[0];
        if ((state.Fault ?? whole.Fault) is { } fault)
        {
            return new StatusReport(ChargePointStatus.Faulted, fault, state.FaultInfo ?? whole.FaultInfo);
        }

        if (state.Transaction is { } tx)
        {
            if (tx.SuspendedByInvalidId || chargingSchedules.LimitAmperes(state) <= 0)
            {
                return new StatusReport(ChargePointStatus.SuspendedEVSE, ChargePointErrorCode.NoError, null);
            }

            if (state.EvSideDisconnected)
            {
                // The wording OCTT TC_005_3 looks for.
                return new StatusReport(ChargePointStatus.SuspendedEV, ChargePointErrorCode.NoError, "EV side disconnected");
            }

            return new StatusReport(state.EvSuspended ? ChargePointStatus.SuspendedEV : ChargePointStatus.Charging, ChargePointErrorCode.NoError, null);
        }

        if (!state.Operative || !whole.Operative)
        {
            return new StatusReport(ChargePointStatus.Unavailable, ChargePointErrorCode.NoError, null);
        }

        if (state.Finishing)
        {
            return new StatusReport(ChargePointStatus.Finishing, ChargePointErrorCode.NoError, null);
        }

        if (state.PendingAuthorization is not null)
        {
            return new StatusReport(ChargePointStatus.Preparing, ChargePointErrorCode.NoError, null);
        }

        // A reserved connector stays Reserved when a cable is plugged in, until its IdTag shows up (OCTT reusable state Charging).
        if (state.Reservation is not null)
        {
            return new StatusReport(ChargePointStatus.Reserved, ChargePointErrorCode.NoError, null);
        }

        if (state.Plugged)
        {
            return new StatusReport(ChargePointStatus.Preparing, ChargePointErrorCode.NoError, null);
        }

        return new StatusReport(ChargePointStatus.Available, ChargePointErrorCode.NoError, null);
    }
}
