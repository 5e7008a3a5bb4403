using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>UnlockStatus (OCPP 1.6 §7.46): the answer to an UnlockConnector.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UnlockStatus>))]
public enum UnlockStatus
{
    /// <summary>The connector is unlocked.</summary>
    Unlocked,

    /// <summary>The unlock was tried but the connector is still locked or the mechanism failed.</summary>
    UnlockFailed,

    /// <summary>The charge point has no connector lock or does not know the connector.</summary>
    NotSupported,
}
