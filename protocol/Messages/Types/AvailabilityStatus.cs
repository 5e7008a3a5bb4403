using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>AvailabilityStatus (OCPP 1.6 §7.3): the answer to a ChangeAvailability.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AvailabilityStatus>))]
public enum AvailabilityStatus
{
    /// <summary>The change is accepted and carried out.</summary>
    Accepted,

    /// <summary>The change is refused and not carried out.</summary>
    Rejected,

    /// <summary>The change is accepted and takes effect once the running transactions end.</summary>
    Scheduled,
}
