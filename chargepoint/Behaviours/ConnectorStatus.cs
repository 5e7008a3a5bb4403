using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// Connector status (OCPP 1.6 §4.9) and availability (§5.2): the status is derived from the connector's state,
/// and a change is reported with StatusNotification once it has lasted MinimumStatusDuration seconds.
/// </summary>
internal sealed class ConnectorStatus : IDisposable
{
    private readonly ChargePointContext context;
    private readonly ChargingSchedules chargingSchedules;
    private readonly Dictionary<int, Subject<StatusReport>> changes = [];
    private readonly Subject<(int ConnectorId, StatusReport Report)> reported = new();
    private readonly CompositeDisposable subscriptions = [];

    public ConnectorStatus(ChargePointContext context, ChargingSchedules chargingSchedules)
    {
        this.context = context;
        this.chargingSchedules = chargingSchedules;
        foreach (var state in context.Connectors)
        {
            subscriptions.Add(Wire(state));
        }
    }

    /// <summary>Every StatusNotification the charge point decided to send, by connector.</summary>
    public IObservable<(int ConnectorId, StatusReport Report)> Reports => reported;

    /// <summary>Whether a connector may start a transaction: it and the charge point are operative and not faulted.</summary>
    public bool IsUsable(ConnectorState state)
    {
        var whole = context.Connectors[0];
        return state.Operative && whole.Operative && state.Fault is null && whole.Fault is null;
    }

    public ChangeAvailabilityResponse OnChangeAvailability(ChangeAvailabilityRequest request)
    {
        var targets = request.ConnectorId == 0 ? [.. context.Connectors] : context.ConnectorAt(request.ConnectorId) is { } one ? new[] { one } : [];
        if (targets.Length == 0)
        {
            return new() { Status = AvailabilityStatus.Rejected };
        }

        var operative = request.Type == AvailabilityType.Operative;
        var scheduled = false;
        foreach (var state in targets)
        {
            if (state.Transaction is not null)
            {
                // OCPP 1.6 §5.2: a connector in a transaction changes when the transaction ends.
                state.ScheduledOperative = operative;
                scheduled = true;
            }
            else
            {
                state.Operative = operative;
                state.ScheduledOperative = null;
            }
        }

        context.AfterResponse(RefreshAll);
        return new() { Status = scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted };
    }

    /// <summary>Re-derives the status of <paramref name="state"/> (and of the charge point) and reports a change.</summary>
    public void Refresh(ConnectorState state)
    {
        changes[state.Id].OnNext(Derive(state));
        if (state.Id != 0)
        {
            Refresh(context.Connectors[0]);
        }
    }

    public void RefreshAll()
    {
        foreach (var state in context.Connectors)
        {
            Refresh(state);
        }
    }

    /// <summary>Reports every connector now; <paramref name="force"/> also repeats what was reported already (after a boot).</summary>
    public void ReportAll(bool force)
    {
        foreach (var state in context.Connectors)
        {
            Report(state, Derive(state), force);
        }
    }

    /// <summary>TriggerMessage(StatusNotification): one connector, or all when none is given (OCPP 1.6 §5.17).</summary>
    public void Trigger(int? connectorId)
    {
        foreach (var state in connectorId is { } id ? [context.Connectors[id]] : context.Connectors)
        {
            Report(state, Derive(state), force: true);
        }
    }

    /// <summary>The status of a connector from its state (OCPP 1.6 §4.9, §7.7).</summary>
    public StatusReport Derive(ConnectorState state)
    {
        if (state.Id == 0)
        {
            if (state.Fault is { } cpFault)
            {
                return new StatusReport(ChargePointStatus.Faulted, cpFault, state.FaultInfo);
            }

            return new StatusReport(state.Operative ? ChargePointStatus.Available : ChargePointStatus.Unavailable, ChargePointErrorCode.NoError, null);
        }

        var whole = context.Connectors[0];
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

        return new StatusReport(state.Plugged ? ChargePointStatus.Preparing : ChargePointStatus.Available, ChargePointErrorCode.NoError, null);
    }

    public void Dispose()
    {
        subscriptions.Dispose();
        reported.OnCompleted();
    }

    private IDisposable Wire(ConnectorState state)
    {
        // Every state change runs on the charge point's scheduler, so the subject needs no synchronization.
        var subject = new Subject<StatusReport>();
        changes[state.Id] = subject;
        return subject
            .Select(report =>
            {
                var minimum = context.Configuration.GetSeconds(Keys.MinimumStatusDuration);
                return minimum <= TimeSpan.Zero ? Observable.Return(report) : Observable.Return(report).Delay(minimum, context.Scheduler);
            })
            .Switch()
            .Subscribe(report => Report(state, report, force: false));
    }

    private void Report(ConnectorState state, StatusReport report, bool force)
    {
        if (!context.Messages.IsOnline || (!force && state.Reported == report))
        {
            return;
        }

        state.Reported = report;
        reported.OnNext((state.Id, report));
        _ = SendAsync(state, report);
    }

    private async Task SendAsync(ConnectorState state, StatusReport report)
    {
        try
        {
            await context.Messages.Send(new StatusNotificationRequest
            {
                ConnectorId = state.Id,
                Status = report.Status,
                ErrorCode = report.ErrorCode,
                Info = report.Info,
                Timestamp = context.Now,
            });
        }
#pragma warning disable CA1031 // Whatever the reason, the status was not delivered.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Not delivered: report again after the next (re)connection.
            state.Reported = null;
        }
    }
}
