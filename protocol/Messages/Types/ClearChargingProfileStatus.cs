using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ClearChargingProfileStatus (OCPP 1.6 §7.21): the answer to a ClearChargingProfile.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearChargingProfileStatus>))]
public enum ClearChargingProfileStatus
{
    /// <summary>Matching profiles are cleared.</summary>
    Accepted,

    /// <summary>No profile matched the criteria.</summary>
    Unknown,
}
