using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Protocol.Messages.Types;
using HashAlgorithm = OcppLab.Protocol.Messages.Types.HashAlgorithm;

namespace OcppLab.Csms.Security;

/// <summary>
/// CertificateHashDataType (Security Whitepaper ed. 3 §6.2.1): the hash of the issuer's DER-encoded
/// name, the hash of the issuer's public key (the bit string, without tag and length), and the serial
/// number in hex without leading zeroes — what identifies a certificate in DeleteCertificate.
/// </summary>
public static class CertificateHashes
{
    /// <summary>The hash data of <paramref name="certificate"/> with <paramref name="algorithm"/>; <paramref name="issuer"/> is the certificate itself for a root.</summary>
    public static CertificateHashData For(X509Certificate2 certificate, HashAlgorithm algorithm, X509Certificate2? issuer = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        issuer ??= certificate;
        Func<byte[], byte[]> hash = algorithm switch
        {
            HashAlgorithm.SHA256 => SHA256.HashData,
            HashAlgorithm.SHA384 => SHA384.HashData,
            HashAlgorithm.SHA512 => SHA512.HashData,
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Not a 1.6 security hash algorithm."),
        };
        return new CertificateHashData
        {
            HashAlgorithm = algorithm,
            IssuerNameHash = Convert.ToHexStringLower(hash(certificate.IssuerName.RawData)),
            IssuerKeyHash = Convert.ToHexStringLower(hash(issuer.PublicKey.EncodedKeyValue.RawData)),
            SerialNumber = SerialNumber(certificate),
        };
    }

    /// <summary>The serial number as lower-case hex without leading zeroes.</summary>
    public static string SerialNumber(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var trimmed = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
