using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>CertificateHashDataType (Security Whitepaper ed. 3 §6.1): identifies a certificate by its issuer and serial number.</summary>
public sealed record CertificateHashData
{
    /// <summary>The algorithm of both hashes.</summary>
    public required HashAlgorithm HashAlgorithm { get; init; }

    /// <summary>Hash of the DER-encoded issuer name, as hex (RFC 6960).</summary>
    [CiString(128)]
    public required string IssuerNameHash { get; init; }

    /// <summary>Hash of the issuer's DER-encoded public key value, as hex (RFC 6960).</summary>
    [CiString(128)]
    public required string IssuerKeyHash { get; init; }

    /// <summary>The serial number as hex without leading zeroes or 0x prefix.</summary>
    [CiString(40)]
    public required string SerialNumber { get; init; }
}
