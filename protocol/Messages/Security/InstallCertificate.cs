using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>InstallCertificate.req (Security Whitepaper ed. 3 §5.11): the Central System asks the charge point to install a root certificate.</summary>
public sealed record InstallCertificateRequest : IOcppRequest<InstallCertificateRequest, InstallCertificateResponse>
{
    /// <inheritdoc/>
    public static string Action => "InstallCertificate";

    /// <summary>The kind of certificate sent.</summary>
    public required CertificateUse CertificateType { get; init; }

    /// <summary>The PEM-encoded X.509 certificate.</summary>
    [MaxLength(5500)]
    public required string Certificate { get; init; }
}

/// <summary>InstallCertificate.conf (Security Whitepaper ed. 3 §5.12).</summary>
public sealed record InstallCertificateResponse : IOcppResponse
{
    /// <summary>Whether the certificate was installed.</summary>
    public required CertificateStatus Status { get; init; }
}
