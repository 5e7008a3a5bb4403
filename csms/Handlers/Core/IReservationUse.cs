namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// What a transaction start means for reservations (OCPP 1.6 §5.13: a StartTransaction with the
/// reservationId, or by a tag of the same group, ends the reservation).
/// </summary>
public interface IReservationUse
{
    /// <summary>Marks the matching reservation as used by <paramref name="transactionId"/>.</summary>
    void OnTransactionStarted(string chargePointId, int connectorId, string idTag, int? reservationId, int transactionId);
}
