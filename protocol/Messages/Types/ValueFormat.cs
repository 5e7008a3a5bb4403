using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ValueFormat (OCPP 1.6 §7.49): how the value of a sampled value is to be read; Raw when absent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ValueFormat>))]
public enum ValueFormat
{
    /// <summary>A plain integer or decimal number.</summary>
    Raw,

    /// <summary>A signed binary data block, hex encoded.</summary>
    SignedData,
}
