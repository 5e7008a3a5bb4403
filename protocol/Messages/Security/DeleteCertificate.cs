using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>DeleteCertificate.req (Security Whitepaper ed. 3 §5.3): the Central System asks the charge point to remove an installed certificate.</summary>
public sealed record DeleteCertificateRequest : IOcppRequest<DeleteCertificateRequest, DeleteCertificateResponse>
{
    /// <inheritdoc/>
    public static string Action => "DeleteCertificate";

    /// <summary>The certificate to delete.</summary>
    public required CertificateHashData CertificateHashData { get; init; }
}

/// <summary>DeleteCertificate.conf (Security Whitepaper ed. 3 §5.4).</summary>
public sealed record DeleteCertificateResponse : IOcppResponse
{
    /// <summary>Whether the certificate was deleted.</summary>
    public required DeleteCertificateStatus Status { get; init; }
}
