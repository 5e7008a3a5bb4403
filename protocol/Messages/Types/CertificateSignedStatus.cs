using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>CertificateSignedStatusEnumType (Security Whitepaper ed. 3 §6.2): the answer to a CertificateSigned.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CertificateSignedStatus>))]
public enum CertificateSignedStatus
{
    /// <summary>The signed certificate is valid.</summary>
    Accepted,

    /// <summary>The signed certificate is not valid.</summary>
    Rejected,
}
