using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>DeleteCertificateStatusEnumType (Security Whitepaper ed. 3 §6.7): the answer to a DeleteCertificate.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeleteCertificateStatus>))]
public enum DeleteCertificateStatus
{
    /// <summary>The certificate was deleted.</summary>
    Accepted,

    /// <summary>Deleting failed.</summary>
    Failed,

    /// <summary>No such certificate is installed.</summary>
    NotFound,
}
