using System.Reactive.Linq;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>The Reservation profile (OCPP 1.6 §3.12, §5.3, §5.13): ReserveNow, CancelReservation and expiry.</summary>
internal sealed class Reservations(ChargePointContext context)
{
    /// <summary>The reservation held on a connector, if any.</summary>
    public Reservation? On(int connectorId) => context.ConnectorAt(connectorId)?.Reservation;

    public ReserveNowResponse OnReserveNow(ReserveNowRequest request)
    {
        if (!context.Template.Supports("Reservation") || context.ConnectorAt(request.ConnectorId) is null)
        {
            return new() { Status = ReservationStatus.Rejected }; // OCTT TC_048_4, TC_050_4: Rejected, never a CALLERROR
        }

        if (request.ConnectorId == 0 && !context.Configuration.GetBool(Keys.ReserveConnectorZeroSupported))
        {
            return new() { Status = ReservationStatus.Rejected };
        }

        // A new ReserveNow with a known reservationId replaces that reservation (OCPP 1.6 §5.13).
        var existing = context.Outlets.FirstOrDefault(c => c.Reservation?.ReservationId == request.ReservationId);
        var candidates = request.ConnectorId == 0 ? [.. context.Outlets] : new[] { context.Connectors[request.ConnectorId] };
        var target = candidates.FirstOrDefault(c => Refusal(c, existing) is null);
        if (target is null)
        {
            return new() { Status = candidates.Select(c => Refusal(c, existing)!.Value).Min() };
        }

        if (existing is not null)
        {
            existing.Reservation!.Expiry?.Dispose();
            existing.Reservation = null;
        }

        var reservation = new Reservation(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate);
        var wait = request.ExpiryDate - context.Now;
        reservation.Expiry = Observable.Timer(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, context.Scheduler).Subscribe(_ => Expire(target, reservation));
        target.Reservation = reservation;
        if (existing is not null && !ReferenceEquals(existing, target))
        {
            context.AfterResponse(() => context.RefreshStatus(existing));
        }

        context.AfterResponse(() => context.RefreshStatus(target));
        return new() { Status = ReservationStatus.Accepted };
    }

    public CancelReservationResponse OnCancelReservation(CancelReservationRequest request)
    {
        var state = context.Outlets.FirstOrDefault(c => c.Reservation?.ReservationId == request.ReservationId);
        if (state is null)
        {
            return new() { Status = CancelReservationStatus.Rejected }; // OCTT TC_052
        }

        state.Reservation!.Expiry?.Dispose();
        state.Reservation = null;
        context.AfterResponse(() => context.RefreshStatus(state));
        return new() { Status = CancelReservationStatus.Accepted };
    }

    /// <summary>Why a connector cannot take a reservation; null when it can. Faulted ranks before Occupied before Unavailable.</summary>
    private ReservationStatus? Refusal(ConnectorState state, ConnectorState? replacing)
    {
        var whole = context.Connectors[0];
        if (state.Fault is not null || whole.Fault is not null)
        {
            return ReservationStatus.Faulted;
        }

        if (!state.Operative || !whole.Operative)
        {
            return ReservationStatus.Unavailable;
        }

        if (state.Transaction is not null || state.Plugged || state.PendingAuthorization is not null || state.Finishing
            || (state.Reservation is not null && !ReferenceEquals(state, replacing)))
        {
            return ReservationStatus.Occupied;
        }

        return null;
    }

    private void Expire(ConnectorState state, Reservation reservation)
    {
        if (!ReferenceEquals(state.Reservation, reservation))
        {
            return;
        }

        state.Reservation = null;
        context.RefreshStatus(state); // OCTT TC_047: Available at expiryDate
    }
}
