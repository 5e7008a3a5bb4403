using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>CertificateUseEnumType (Security Whitepaper ed. 3 §6.4): the kind of root certificate meant.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CertificateUse>))]
public enum CertificateUse
{
    /// <summary>The root the certificate authority signs Central System and charge point certificates with.</summary>
    CentralSystemRootCertificate,

    /// <summary>The root that verifies the manufacturer's (firmware signing) certificate.</summary>
    ManufacturerRootCertificate,
}
