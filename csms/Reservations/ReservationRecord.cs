using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Reservations;

/// <summary>A reservation the Central System asked a station to make (ReserveNow, OCPP 1.6 §5.13).</summary>
/// <param name="ReservationId">The id, unique across the Central System.</param>
/// <param name="ChargePointId">The station.</param>
/// <param name="ConnectorId">The connector; 0 reserves any connector of the station.</param>
/// <param name="IdTag">The tag it is for.</param>
/// <param name="ParentIdTag">The tag's group: any tag of the group may use it.</param>
/// <param name="ExpiryDate">When it ends unless used.</param>
/// <param name="State">The state as stored; see <see cref="StateAt"/> for expiry.</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
/// <param name="TransactionId">The transaction that used it.</param>
public sealed record ReservationRecord(
    int ReservationId,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    string? ParentIdTag,
    DateTimeOffset ExpiryDate,
    ReservationState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int? TransactionId = null)
{
    /// <summary>The state at <paramref name="now"/>: an accepted reservation past its expiryDate is Expired.</summary>
    public ReservationState StateAt(DateTimeOffset now) =>
        State == ReservationState.Accepted && now >= ExpiryDate ? ReservationState.Expired : State;

    /// <summary>Whether it still holds a connector at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => StateAt(now) == ReservationState.Accepted;

    /// <summary>The state matching a station's ReserveNow answer.</summary>
    public static ReservationState From(ReservationStatus status) => status switch
    {
        ReservationStatus.Accepted => ReservationState.Accepted,
        ReservationStatus.Faulted => ReservationState.Faulted,
        ReservationStatus.Occupied => ReservationState.Occupied,
        ReservationStatus.Unavailable => ReservationState.Unavailable,
        _ => ReservationState.Rejected,
    };
}
