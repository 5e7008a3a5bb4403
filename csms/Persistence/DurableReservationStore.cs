using System.Globalization;
using System.Text.Json;
using OcppLab.Csms.Reservations;

namespace OcppLab.Csms.Persistence;

/// <summary>Reservations in memory and in the data directory; reservationIds continue after the highest stored one.</summary>
public sealed class DurableReservationStore : IReservationStore
{
    private const string Kind = "reservation";

    private readonly InMemoryReservationStore memory = new();
    private readonly CsmsDatabase database;
    private readonly Lock gate = new();

    /// <summary>Loads what <paramref name="database"/> holds.</summary>
    public DurableReservationStore(CsmsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        foreach (var (_, json) in database.Documents(Kind))
        {
            memory.Save(JsonSerializer.Deserialize(json, StateJsonContext.Default.ReservationRecord)!);
        }
    }

    /// <inheritdoc/>
    public int NextReservationId() => memory.NextReservationId();

    /// <inheritdoc/>
    public void Save(ReservationRecord reservation)
    {
        ArgumentNullException.ThrowIfNull(reservation);
        lock (gate)
        {
            memory.Save(reservation);
            database.Write(changes => changes.Put(
                Kind, reservation.ReservationId.ToString(CultureInfo.InvariantCulture), JsonSerializer.Serialize(reservation, StateJsonContext.Default.ReservationRecord)));
        }
    }

    /// <inheritdoc/>
    public ReservationRecord? Find(int reservationId) => memory.Find(reservationId);

    /// <inheritdoc/>
    public IReadOnlyList<ReservationRecord> OfStation(string chargePointId) => memory.OfStation(chargePointId);
}
