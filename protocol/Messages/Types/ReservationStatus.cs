using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ReservationStatus (OCPP 1.6 §7.40): the answer to a ReserveNow.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReservationStatus>))]
public enum ReservationStatus
{
    /// <summary>The reservation was made.</summary>
    Accepted,

    /// <summary>Not reserved: the connector (or every connector) is faulted.</summary>
    Faulted,

    /// <summary>Not reserved: the connector (or every connector) is occupied.</summary>
    Occupied,

    /// <summary>Not reserved: the charge point does not accept reservations.</summary>
    Rejected,

    /// <summary>Not reserved: the connector (or every connector) is unavailable.</summary>
    Unavailable,
}
