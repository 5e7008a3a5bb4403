using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>UpdateStatus (OCPP 1.6 §7.47): the answer to a SendLocalList.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateStatus>))]
public enum UpdateStatus
{
    /// <summary>The local authorization list was updated.</summary>
    Accepted,

    /// <summary>The update of the local authorization list failed.</summary>
    Failed,

    /// <summary>The charge point does not support local list updates.</summary>
    NotSupported,

    /// <summary>The differential update's version is not higher than the current list version.</summary>
    VersionMismatch,
}
