using System.Reactive.Linq;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>The Reservation profile (OCPP 1.6 §3.12, §5.3, §5.13).</summary>
public sealed partial class VirtualChargePoint
{
    /// <summary>The reservation held on a connector, if any.</summary>
    public Reservation? ReservationOn(int connectorId) => ConnectorAt(connectorId)?.Reservation;

    private ReserveNowResponse OnReserveNow(ReserveNowRequest request)
    {
        if (!Template.Supports("Reservation") || ConnectorAt(request.ConnectorId) is null)
        {
            return new() { Status = ReservationStatus.Rejected }; // OCTT TC_048_4, TC_050_4: Rejected, never a CALLERROR
        }

        if (request.ConnectorId == 0 && !Configuration.GetBool(Keys.ReserveConnectorZeroSupported))
        {
            return new() { Status = ReservationStatus.Rejected };
        }

        ConnectorState target;
        // A new ReserveNow with a known reservationId replaces that reservation (OCPP 1.6 §5.13).
        var existing = Outlets.FirstOrDefault(c => c.Reservation?.ReservationId == request.ReservationId);
        var candidates = request.ConnectorId == 0 ? [.. Outlets] : new[] { connectors[request.ConnectorId] };
        var free = candidates.FirstOrDefault(c => ReservationRefusal(c, existing) is null);
        if (free is null)
        {
            return new() { Status = candidates.Select(c => ReservationRefusal(c, existing)!.Value).Min() };
        }

        if (existing is not null)
        {
            existing.Reservation!.Expiry?.Dispose();
            existing.Reservation = null;
        }

        target = free;
        var reservation = new Reservation(request.ReservationId, request.ConnectorId, request.IdTag, request.ParentIdTag, request.ExpiryDate);
        var wait = request.ExpiryDate - Now;
        reservation.Expiry = Observable.Timer(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, scheduler).Subscribe(_ => Expire(free, reservation));
        target.Reservation = reservation;
        if (existing is not null && !ReferenceEquals(existing, target))
        {
            AfterResponse(() => RefreshStatus(existing));
        }

        AfterResponse(() => RefreshStatus(target));
        return new() { Status = ReservationStatus.Accepted };
    }

    /// <summary>Why a connector cannot take a reservation; null when it can. Faulted ranks before Occupied before Unavailable.</summary>
    private ReservationStatus? ReservationRefusal(ConnectorState state, ConnectorState? replacing)
    {
        if (state.Fault is not null || connectors[0].Fault is not null)
        {
            return ReservationStatus.Faulted;
        }

        if (!state.Operative || !connectors[0].Operative)
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

        RefreshStatus(state); // OCTT TC_047: Available at expiryDate
    }

    private CancelReservationResponse OnCancelReservation(CancelReservationRequest request)
    {
        ConnectorState? state;
        state = Outlets.FirstOrDefault(c => c.Reservation?.ReservationId == request.ReservationId);
        if (state is null)
        {
            return new() { Status = CancelReservationStatus.Rejected }; // OCTT TC_052
        }

        state.Reservation!.Expiry?.Dispose();
        state.Reservation = null;

        AfterResponse(() => RefreshStatus(state));
        return new() { Status = CancelReservationStatus.Accepted };
    }
}
