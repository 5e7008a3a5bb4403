using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// CertificateStatusEnumType (Security Whitepaper ed. 3 §6.3): the answer to an InstallCertificate.
/// The JSON schema names the same set InstallCertificateStatusEnumType.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CertificateStatus>))]
public enum CertificateStatus
{
    /// <summary>The certificate was installed.</summary>
    Accepted,

    /// <summary>The certificate is valid, but installing it failed for another reason.</summary>
    Failed,

    /// <summary>The certificate is invalid or incorrect, or the store is full.</summary>
    Rejected,
}
