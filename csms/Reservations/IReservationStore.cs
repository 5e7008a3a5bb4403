namespace OcppLab.Csms.Reservations;

/// <summary>Reservations of every station, keyed by reservationId.</summary>
public interface IReservationStore
{
    /// <summary>The next unused reservationId.</summary>
    int NextReservationId();

    /// <summary>Adds or replaces a reservation (a ReserveNow with a known reservationId replaces it, OCPP 1.6 §5.13).</summary>
    void Save(ReservationRecord reservation);

    /// <summary>The reservation, or null.</summary>
    ReservationRecord? Find(int reservationId);

    /// <summary>The reservations of one station, newest first.</summary>
    IReadOnlyList<ReservationRecord> OfStation(string chargePointId);
}
