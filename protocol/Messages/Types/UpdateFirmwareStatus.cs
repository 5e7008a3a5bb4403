using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>UpdateFirmwareStatusEnumType (Security Whitepaper ed. 3 §6.18): the answer to a SignedUpdateFirmware.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<UpdateFirmwareStatus>))]
public enum UpdateFirmwareStatus
{
    /// <summary>The update process will start; it has not necessarily succeeded.</summary>
    Accepted,

    /// <summary>The request is refused.</summary>
    Rejected,

    /// <summary>Accepted, and an update that was in progress has been cancelled for it.</summary>
    AcceptedCanceled,

    /// <summary>The signing certificate is not valid.</summary>
    InvalidCertificate,

    /// <summary>The signing certificate has been revoked.</summary>
    RevokedCertificate,
}
