using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Protocol.Messages.Types;
using HashAlgorithm = OcppLab.Protocol.Messages.Types.HashAlgorithm;

namespace OcppLab.Simulator.Security;

/// <summary>
/// CertificateHashData (Security Whitepaper §2.6 / §7 "CertificateHashDataType"): the hash of the issuer's
/// distinguished name (DER), the hash of the issuer's public key (the subjectPublicKey bit string, as OCSP
/// hashes it) and the serial number as hexadecimal without leading zeros. The installed certificates are
/// roots, so the issuer is the certificate itself.
/// </summary>
public static class CertificateHashing
{
    /// <summary>The hash data of <paramref name="certificate"/> with <paramref name="algorithm"/>.</summary>
    public static CertificateHashData HashData(X509Certificate2 certificate, HashAlgorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Func<byte[], byte[]> hash = algorithm switch
        {
            HashAlgorithm.SHA384 => SHA384.HashData,
            HashAlgorithm.SHA512 => SHA512.HashData,
            _ => SHA256.HashData,
        };
        return new CertificateHashData
        {
            HashAlgorithm = algorithm,
            IssuerNameHash = Convert.ToHexStringLower(hash(certificate.IssuerName.RawData)),
            IssuerKeyHash = Convert.ToHexStringLower(hash(certificate.PublicKey.EncodedKeyValue.RawData)),
            SerialNumber = SerialNumber(certificate),
        };
    }

    /// <summary>The serial number as lower-case hexadecimal without leading zeros.</summary>
    public static string SerialNumber(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var serial = certificate.SerialNumber.TrimStart('0').ToLowerInvariant();
        return serial.Length == 0 ? "0" : serial;
    }

    /// <summary>Whether <paramref name="data"/> names <paramref name="certificate"/>, hashed with the algorithm the data says.</summary>
    public static bool Matches(X509Certificate2 certificate, CertificateHashData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var mine = HashData(certificate, data.HashAlgorithm);
        return string.Equals(mine.IssuerNameHash, data.IssuerNameHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mine.IssuerKeyHash, data.IssuerKeyHash, StringComparison.OrdinalIgnoreCase)
            && string.Equals(mine.SerialNumber, data.SerialNumber.TrimStart('0') is { Length: > 0 } s ? s : "0", StringComparison.OrdinalIgnoreCase);
    }
}
