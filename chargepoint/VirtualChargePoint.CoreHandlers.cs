using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>The Core profile's requests from the Central System (OCPP 1.6 §5).</summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>When true, the next UnlockConnector fails (OCTT TC_030).</summary>
    public bool FailNextUnlock { get; set; }

    private ChangeAvailabilityResponse OnChangeAvailability(ChangeAvailabilityRequest request)
    {
        var targets = request.ConnectorId == 0 ? [.. connectors] : ConnectorAt(request.ConnectorId) is { } one ? new[] { one } : [];
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

        AfterResponse(RefreshAllStatuses);
        return new() { Status = scheduled ? AvailabilityStatus.Scheduled : AvailabilityStatus.Accepted };
    }

    private ChangeConfigurationResponse OnChangeConfiguration(ChangeConfigurationRequest request) =>
        new() { Status = OnSecurityConfigurationChange(request) ?? Configuration.Change(request.Key, request.Value) };

    private DataTransferResponse OnDataTransfer(DataTransferRequest request) =>
        new()
        {
            // No vendor extensions: our own vendor id knows no message ids (OCTT TC_062).
            Status = string.Equals(request.VendorId, Template.Vendor, StringComparison.Ordinal)
                ? DataTransferStatus.UnknownMessageId
                : DataTransferStatus.UnknownVendorId,
        };

    private GetConfigurationResponse OnGetConfiguration(GetConfigurationRequest request)
    {
        var (known, unknown) = Configuration.Read(request.Key is { } keys ? [.. keys] : null);
        return new() { ConfigurationKey = known, UnknownKey = unknown.Count > 0 ? unknown : null };
    }

    private RemoteStartTransactionResponse OnRemoteStart(RemoteStartTransactionRequest request)
    {
        var rejected = new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected };
        if (request.ConnectorId == 0 || (request.ChargingProfile is { } p && p.ChargingProfilePurpose != ChargingProfilePurposeType.TxProfile))
        {
            return rejected; // OCTT TC_027, TC_060
        }

        ConnectorState? state;
        state = request.ConnectorId is { } id
            ? ConnectorAt(id)
            : Outlets.FirstOrDefault(c => c.Transaction is null && c.PendingAuthorization is null && IsUsable(c) && (c.Reservation is null || c.Reservation.IdTag == request.IdTag));
        if (state is null || state.Transaction is not null || !IsUsable(state)
            || (state.Reservation is { } r && !string.Equals(r.IdTag, request.IdTag, StringComparison.OrdinalIgnoreCase)))
        {
            return rejected; // OCTT TC_026
        }

        AfterResponse(() => _ = RemoteStartAsync(state, request));
        return new() { Status = RemoteStartStopStatus.Accepted };
    }

    private async Task RemoteStartAsync(ConnectorState state, RemoteStartTransactionRequest request)
    {
        string? parent = null;
        if (Configuration.GetBool(Keys.AuthorizeRemoteTxRequests))
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

        SetAuthorized(state, new Authorized(request.IdTag, parent, state.Reservation?.ReservationId, Remote: true));
        remoteCommands.OnNext(new RemoteCommand(RemoteCommandKind.Start, state.Id, request.IdTag));
    }

    private RemoteStopTransactionResponse OnRemoteStop(RemoteStopTransactionRequest request)
    {
        ConnectorState? state;
        state = Outlets.FirstOrDefault(c => c.Transaction?.TransactionId == request.TransactionId);

        if (state is null)
        {
            return new() { Status = RemoteStartStopStatus.Rejected }; // OCTT TC_028
        }

        AfterResponse(() =>
        {
            StopTransaction(state, Reason.Remote, null);
            remoteCommands.OnNext(new RemoteCommand(RemoteCommandKind.Stop, state.Id, null));
        });
        return new() { Status = RemoteStartStopStatus.Accepted };
    }

    private ResetResponse OnReset(ResetRequest request)
    {
        AfterResponse(() => _ = RebootAsync(request.Type == ResetType.Hard ? Reason.HardReset : Reason.SoftReset));
        return new() { Status = ResetStatus.Accepted };
    }

    private UnlockConnectorResponse OnUnlockConnector(UnlockConnectorRequest request)
    {
        if (request.ConnectorId == 0 || ConnectorAt(request.ConnectorId) is not { } state || Template.FixedCable)
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
        AfterResponse(() =>
        {
            StopTransaction(state, Reason.UnlockCommand, null);
            remoteCommands.OnNext(new RemoteCommand(RemoteCommandKind.Unlock, state.Id, null));
        });
        return new() { Status = UnlockStatus.Unlocked };
    }

    private bool IsUsable(ConnectorState state) =>
        state.Operative && connectors[0].Operative && state.Fault is null && connectors[0].Fault is null;
}
