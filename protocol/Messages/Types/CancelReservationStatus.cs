using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>CancelReservationStatus (OCPP 1.6 §7.5): the answer to a CancelReservation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CancelReservationStatus>))]
public enum CancelReservationStatus
{
    /// <summary>The reservation was cancelled.</summary>
    Accepted,

    /// <summary>No active reservation with that id, so nothing was cancelled.</summary>
    Rejected,
}
