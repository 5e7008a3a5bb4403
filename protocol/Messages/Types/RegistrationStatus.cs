using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>RegistrationStatus (OCPP 1.6 §7.38): the result of a BootNotification.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RegistrationStatus>))]
public enum RegistrationStatus
{
    /// <summary>The charge point is accepted by the Central System.</summary>
    Accepted,

    /// <summary>The Central System is not yet ready to accept the charge point.</summary>
    Pending,

    /// <summary>The charge point is not accepted, e.g. its identity is unknown.</summary>
    Rejected,
}
