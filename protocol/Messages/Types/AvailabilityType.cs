using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>AvailabilityType (OCPP 1.6 §7.4): the availability a ChangeAvailability asks for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AvailabilityType>))]
public enum AvailabilityType
{
    /// <summary>Not available for charging.</summary>
    Inoperative,

    /// <summary>Available for charging.</summary>
    Operative,
}
