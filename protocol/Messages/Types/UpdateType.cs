using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>UpdateType (OCPP 1.6 §7.48): how a SendLocalList changes the local authorization list.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateType>))]
public enum UpdateType
{
    /// <summary>Apply the entries as changes to the current list.</summary>
    Differential,

    /// <summary>Replace the current list with the entries.</summary>
    Full,
}
