using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Reservation;

/// <summary>CancelReservation.req (OCPP 1.6 §6.5): the Central System cancels a reservation.</summary>
public sealed record CancelReservationRequest : IOcppRequest<CancelReservationRequest, CancelReservationResponse>
{
    /// <inheritdoc/>
    public static string Action => "CancelReservation";

    /// <summary>The reservation to cancel.</summary>
    public required int ReservationId { get; init; }
}

/// <summary>CancelReservation.conf (OCPP 1.6 §6.6).</summary>
public sealed record CancelReservationResponse : IOcppResponse
{
    /// <summary>Whether the reservation was cancelled.</summary>
    public required CancelReservationStatus Status { get; init; }
}
