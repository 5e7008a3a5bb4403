using System.Text.Json.Serialization;

namespace OcppLab.Csms.Reservations;

/// <summary>Where a reservation stands (OCPP 1.6 §5.13, §5.2), from the Central System's side.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservationState>))]
public enum ReservationState
{
    /// <summary>ReserveNow sent, no answer yet.</summary>
    Requested,

    /// <summary>The station reserved the connector (ReservationStatus Accepted).</summary>
    Accepted,

    /// <summary>The station refused: the connector is faulted.</summary>
    Faulted,

    /// <summary>The station refused: the connector is in use or reserved for another tag.</summary>
    Occupied,

    /// <summary>The station refused: it does not do reservations (or not of connector 0).</summary>
    Rejected,

    /// <summary>The station refused: the connector is unavailable.</summary>
    Unavailable,

    /// <summary>No answer came (CALLERROR, timeout, lost connection).</summary>
    Failed,

    /// <summary>A transaction started with it (by reservationId or by a tag of its group).</summary>
    Used,

    /// <summary>CancelReservation was Accepted.</summary>
    Cancelled,

    /// <summary>Its expiryDate passed before use.</summary>
    Expired,
}
