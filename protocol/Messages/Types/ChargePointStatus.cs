using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargePointStatus (OCPP 1.6 §7.7): the state of a connector (or of the whole charge point for connector 0).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargePointStatus>))]
public enum ChargePointStatus
{
    /// <summary>Free for a new user (operative).</summary>
    Available,

    /// <summary>Taken by a user (tag presented, cable plugged in, bay occupied) but no transaction yet (operative).</summary>
    Preparing,

    /// <summary>The contactor is closed and the vehicle may draw energy (operative).</summary>
    Charging,

    /// <summary>Vehicle connected, but the EVSE offers no energy, e.g. because of a smart charging limit (operative).</summary>
    SuspendedEVSE,

    /// <summary>Vehicle connected and energy offered, but the vehicle draws none (operative).</summary>
    SuspendedEV,

    /// <summary>The transaction has stopped but the connector is not free yet (operative).</summary>
    Finishing,

    /// <summary>Held by a reservation (operative).</summary>
    Reserved,

    /// <summary>Made unavailable by ChangeAvailability or by the charge point itself (inoperative).</summary>
    Unavailable,

    /// <summary>An error prevents energy delivery (inoperative).</summary>
    Faulted,
}
