using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>CertificateSigned.req (Security Whitepaper ed. 3 §5.1): the Central System delivers the charge point's newly signed certificate.</summary>
public sealed record CertificateSignedRequest : IOcppRequest<CertificateSignedRequest, CertificateSignedResponse>
{
    /// <inheritdoc/>
    public static string Action => "CertificateSigned";

    /// <summary>The signed PEM-encoded X.509 certificate, possibly followed by its sub-CA certificates.</summary>
    [MaxLength(10000)]
    public required string CertificateChain { get; init; }
}

/// <summary>CertificateSigned.conf (Security Whitepaper ed. 3 §5.2).</summary>
public sealed record CertificateSignedResponse : IOcppResponse
{
    /// <summary>Whether the charge point accepts the signed certificate.</summary>
    public required CertificateSignedStatus Status { get; init; }
}
