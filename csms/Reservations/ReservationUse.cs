using OcppLab.Csms.Handlers.Core;
using OcppLab.Csms.IdTags;

namespace OcppLab.Csms.Reservations;

/// <summary>
/// Ends a reservation when a transaction uses it (OCPP 1.6 §5.13): a StartTransaction.req carrying its
/// reservationId, or, without one, a start on the reserved connector (or any connector of a station
/// reserved on connector 0) by the reserved tag or a tag of the same group (parentIdTag).
/// </summary>
public sealed class ReservationUse(IReservationStore reservations, IIdTagStore idTags, TimeProvider time) : IReservationUse
{
    /// <inheritdoc/>
    public void OnTransactionStarted(string chargePointId, int connectorId, string idTag, int? reservationId, int transactionId)
    {
        var now = time.GetUtcNow();
        var used = reservationId is { } id && reservations.Find(id) is { } named && named.ChargePointId == chargePointId && named.IsActiveAt(now)
            ? named
            : reservations.OfStation(chargePointId).FirstOrDefault(r =>
                r.IsActiveAt(now) && (r.ConnectorId == 0 || r.ConnectorId == connectorId) && SameHolder(r, idTag));
        if (used is not null)
        {
            reservations.Save(used with { State = ReservationState.Used, TransactionId = transactionId, UpdatedAt = now });
        }
    }

    private bool SameHolder(ReservationRecord reservation, string idTag)
    {
        if (string.Equals(reservation.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var group = idTags.Find(idTag)?.ParentIdTag;
        return group is not null && string.Equals(group, reservation.ParentIdTag, StringComparison.OrdinalIgnoreCase);
    }
}
