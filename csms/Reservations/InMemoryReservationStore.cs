using System.Collections.Concurrent;

namespace OcppLab.Csms.Reservations;

/// <summary>Reservations held in memory.</summary>
public sealed class InMemoryReservationStore : IReservationStore
{
    private readonly ConcurrentDictionary<int, ReservationRecord> reservations = new();
    private int lastId;

    /// <inheritdoc/>
    public int NextReservationId()
    {
        while (true)
        {
            var id = Interlocked.Increment(ref lastId);
            if (!reservations.ContainsKey(id))
            {
                return id;
            }
        }
    }

    /// <inheritdoc/>
    public void Save(ReservationRecord reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        reservations[reservation.ReservationId] = reservation;
    }

    /// <inheritdoc/>
    public ReservationRecord? Find(int reservationId) => reservations.GetValueOrDefault(reservationId);

    /// <inheritdoc/>
    public IReadOnlyList<ReservationRecord> OfStation(string chargePointId) =>
        [.. reservations.Values.Where(r => r.ChargePointId == chargePointId).OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.ReservationId)];
}
