using System.Collections.Concurrent;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// What a scenario could not clean up on a station, kept for the whole run: the next scenario on the same
/// charge point identity tries again before it starts, and does not run on a station that is not clean.
/// </summary>
public sealed class StationLedger
{
    private readonly ConcurrentDictionary<string, Leftover> leftovers = new(StringComparer.Ordinal);

    public void Record(string chargePointId, Leftover leftover) => leftovers[chargePointId] = leftover;

    public Leftover? Find(string chargePointId) => leftovers.GetValueOrDefault(chargePointId);

    public void Clear(string chargePointId) => leftovers.TryRemove(chargePointId, out _);
}

/// <summary>A transaction and reservations a scenario left open on a station, and why they stayed.</summary>
/// <param name="LeftBy">The scenario that left them.</param>
/// <param name="Transaction">The open transaction, if any.</param>
/// <param name="ReservationIds">Reservations the station still holds.</param>
/// <param name="Problem">Why the clean-up failed.</param>
public sealed record Leftover(string LeftBy, OpenTransaction? Transaction, IReadOnlyList<int> ReservationIds, string Problem);

/// <summary>What a StopTransaction for a transaction needs.</summary>
public sealed record OpenTransaction(int TransactionId, string? IdTag, int MeterStop);
