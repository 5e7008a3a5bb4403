using System.Reactive.Subjects;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The Central System's hand on transactions (OCPP 1.6 §5.11, §5.12, §5.17): RemoteStartTransaction,
/// RemoteStopTransaction and UnlockConnector, each told to the driver (<see cref="Commands"/>) once it took effect.
/// </summary>
internal sealed class RemoteControl(
    ChargePointContext context,
    TransactionControl transactions,
    ConnectorStatus status,
    IdTagAuthorization authorization,
    ChargingSchedules chargingSchedules) : IDisposable
{
    private readonly Subject<RemoteCommand> commands = new();

    /// <summary>The requests a driver acts on (a remote start to plug in for, a remote stop or unlock to unplug after).</summary>
    public IObservable<RemoteCommand> Commands => commands;

    /// <summary>When true, the next UnlockConnector fails (OCTT TC_030).</summary>
    public bool FailNextUnlock { get; set; }

    public RemoteStartTransactionResponse OnRemoteStart(RemoteStartTransactionRequest request)
    {
        var rejected = new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected };
        if (request.ConnectorId == 0 || (request.ChargingProfile is { } p && p.ChargingProfilePurpose != ChargingProfilePurposeType.TxProfile))
        {
            return rejected; // OCTT TC_027, TC_060
        }

        var state = request.ConnectorId is { } id
            ? context.ConnectorAt(id)
            : context.Outlets.FirstOrDefault(c => c.Transaction is null && c.PendingAuthorization is null && status.IsUsable(c) && (c.Reservation is null || c.Reservation.IdTag == request.IdTag));
        if (state is null || state.Transaction is not null || !status.IsUsable(state)
            || (state.Reservation is { } r && !string.Equals(r.IdTag, request.IdTag, StringComparison.OrdinalIgnoreCase)))
        {
            return rejected; // OCTT TC_026
        }

        context.AfterResponse(() => _ = RemoteStartAsync(state, request));
        return new() { Status = RemoteStartStopStatus.Accepted };
    }

    public RemoteStopTransactionResponse OnRemoteStop(RemoteStopTransactionRequest request)
    {
        var state = context.Outlets.FirstOrDefault(c => c.Transaction?.TransactionId == request.TransactionId);
        if (state is null)
        {
            return new() { Status = RemoteStartStopStatus.Rejected }; // OCTT TC_028
        }

        context.AfterResponse(() =>
        {
            transactions.Stop(state, Reason.Remote, null);
            commands.OnNext(new RemoteCommand(RemoteCommandKind.Stop, state.Id, null));
        });
        return new() { Status = RemoteStartStopStatus.Accepted };
    }

    public UnlockConnectorResponse OnUnlockConnector(UnlockConnectorRequest request)
    {
        if (request.ConnectorId == 0 || context.ConnectorAt(request.ConnectorId) is not { } state || context.Template.FixedCable)
        {
            return new() { Status = UnlockStatus.NotSupported }; // OCTT TC_017_2, TC_031
        }

        if (FailNextUnlock)
        {
            FailNextUnlock = false;
            return new() { Status = UnlockStatus.UnlockFailed }; // OCTT TC_030
        }

        state.Locked = false;

        // OCPP 1.6 §5.17: unlocking during a transaction stops it with reason UnlockCommand (OCTT TC_018_1).
        context.AfterResponse(() =>
        {
            transactions.Stop(state, Reason.UnlockCommand, null);
            commands.OnNext(new RemoteCommand(RemoteCommandKind.Unlock, state.Id, null));
        });
        return new() { Status = UnlockStatus.Unlocked };
    }

    public void Dispose() => commands.OnCompleted();

    private async Task RemoteStartAsync(ConnectorState state, RemoteStartTransactionRequest request)
    {
        string? parent = null;
        if (context.Configuration.GetBool(Keys.AuthorizeRemoteTxRequests))
        {
            // OCPP 1.6 §5.11: authorize as for a local start, cache and local list included (OCTT TC_007).
            var info = await authorization.AuthorizeAsync(request.IdTag);
            if (info.Status != AuthorizationStatus.Accepted)
            {
                return;
            }

            parent = info.ParentIdTag;
        }

        if (request.ChargingProfile is { } profile)
        {
            chargingSchedules.Install(state.Id, profile);
        }

        transactions.SetAuthorized(state, new Authorized(request.IdTag, parent, state.Reservation?.ReservationId, Remote: true));
        commands.OnNext(new RemoteCommand(RemoteCommandKind.Start, state.Id, request.IdTag));
    }
}
