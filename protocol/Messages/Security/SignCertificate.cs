using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>SignCertificate.req (Security Whitepaper ed. 3 §5.17): the charge point asks for its public key to be signed into a certificate.</summary>
public sealed record SignCertificateRequest : IOcppRequest<SignCertificateRequest, SignCertificateResponse>
{
    /// <inheritdoc/>
    public static string Action => "SignCertificate";

    /// <summary>The PEM-encoded certificate signing request (RFC 2986).</summary>
    [MaxLength(5500)]
    public required string Csr { get; init; }
}

/// <summary>SignCertificate.conf (Security Whitepaper ed. 3 §5.18).</summary>
public sealed record SignCertificateResponse : IOcppResponse
{
    /// <summary>Whether the Central System will process the request.</summary>
    public required GenericStatus Status { get; init; }
}
