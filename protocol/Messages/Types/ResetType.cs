using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ResetType (OCPP 1.6 §7.42): the kind of reset requested.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ResetType>))]
public enum ResetType
{
    /// <summary>Restart the hardware without necessarily ending transactions gracefully; a last resort.</summary>
    Hard,

    /// <summary>End transactions gracefully, then restart the application software.</summary>
    Soft,
}
