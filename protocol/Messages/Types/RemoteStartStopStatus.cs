using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>RemoteStartStopStatus (OCPP 1.6 §7.39): the answer to RemoteStartTransaction and RemoteStopTransaction.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RemoteStartStopStatus>))]
public enum RemoteStartStopStatus
{
    /// <summary>The command will be carried out.</summary>
    Accepted,

    /// <summary>The command will not be carried out.</summary>
    Rejected,
}
