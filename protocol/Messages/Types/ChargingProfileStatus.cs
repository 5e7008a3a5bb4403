using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingProfileStatus (OCPP 1.6 §7.11): the answer to a SetChargingProfile.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfileStatus>))]
public enum ChargingProfileStatus
{
    /// <summary>The profile is accepted and will be applied.</summary>
    Accepted,

    /// <summary>The profile is refused.</summary>
    Rejected,

    /// <summary>The charge point does not support this request.</summary>
    NotSupported,
}
