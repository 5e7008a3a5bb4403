using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Protocol.Messages.Types;
using HashAlgorithm = OcppLab.Protocol.Messages.Types.HashAlgorithm;

namespace OcppLab.Protocol.Security;

/// <summary>
/// CertificateHashDataType (Security Whitepaper ed. 3 §6.2.1): the hash of the issuer's DER-encoded name,
/// the hash of the issuer's public key (the subjectPublicKey bit string, without tag and length, as OCSP
/// hashes it), and the serial number in hex without leading zeros — what names a certificate in
/// GetInstalledCertificateIds and DeleteCertificate. Both ends compute it the same way, so it lives here.
/// </summary>
public static class CertificateHashes
{
    /// <summary>The hash data of <paramref name="certificate"/>; <paramref name="issuer"/> defaults to the certificate itself (a root).</summary>
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

    /// <summary>The serial number as lower-case hex without leading zeros.</summary>
    public static string SerialNumber(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return WithoutLeadingZeros(certificate.SerialNumber);
    }

    /// <summary>Whether <paramref name="data"/> names <paramref name="certificate"/> (a root), hashed with the algorithm the data says.</summary>
    public static bool Matches(X509Certificate2 certificate, CertificateHashData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var mine = For(certificate, data.HashAlgorithm);
        return string.Equals(mine.IssuerNameHash, data.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mine.IssuerKeyHash, data.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mine.SerialNumber, WithoutLeadingZeros(data.SerialNumber), StringComparison.OrdinalIgnoreCase);
    }

    private static string WithoutLeadingZeros(string hex)
    {
        var trimmed = hex.TrimStart('0').ToLowerInvariant();
        return trimmed.Length == 0 ? "0" : trimmed;
    }
}
