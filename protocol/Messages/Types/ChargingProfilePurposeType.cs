using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingProfilePurposeType (OCPP 1.6 §7.10): what a charging profile is for.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChargingProfilePurposeType>))]
public enum ChargingProfilePurposeType
{
    /// <summary>Caps the power or current of the whole charge point.</summary>
    ChargePointMaxProfile,

    /// <summary>Applies to every new transaction unless a remote start brought its own profile.</summary>
    TxDefaultProfile,

    /// <summary>Constrains the running transaction (or the one a remote start begins); ends with it.</summary>
    TxProfile,
}
