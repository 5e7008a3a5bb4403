using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.ChargePoint.Security;

/// <summary>
/// Certificate checks of the Security Whitepaper: PEM parsing, root certificates (§3.4 InstallCertificate:
/// a CA certificate within its validity) and chains that end in an installed root (§3.2 CertificateSigned,
/// §3.5 signed firmware, §2.4 the Central System's TLS certificate). Times are the charge point's clock, so
/// the checks run in virtual time; revocation is not checked (no CRL/OCSP in a lab).
/// </summary>
public static class CertificateChecks
{
    /// <summary>Every certificate of a PEM text, in order; empty when there is none or one does not parse.</summary>
    public static IReadOnlyList<X509Certificate2> ParsePemChain(string pem)
    {
        var collection = new X509Certificate2Collection();
        try
        {
            collection.ImportFromPem(pem ?? string.Empty);
        }
        catch (CryptographicException)
        {
            foreach (var certificate in collection)
            {
                certificate.Dispose();
            }

            return [];
        }

        return [.. collection];
    }

    /// <summary>Whether <paramref name="certificate"/> is a CA certificate valid at <paramref name="now"/>.</summary>
    public static bool IsValidRoot(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var isCa = certificate.Extensions.OfType<X509BasicConstraintsExtension>().Any(b => b.CertificateAuthority);
        return isCa && IsWithinValidity(certificate, now);
    }

    /// <summary>Whether the certificate is its own issuer: a root, which a peer already holds and need not be sent.</summary>
    public static bool IsSelfSigned(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
    }

    /// <summary>
    /// The certificates after the first of <paramref name="chain"/> that go out with it in a TLS handshake: all but
    /// self-signed roots, which the peer holds already.
    /// </summary>
    public static X509Certificate2[] IntermediatesOf(IReadOnlyList<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return [.. chain.Skip(1).Where(c => !IsSelfSigned(c))];
    }

    /// <summary>Whether <paramref name="now"/> lies in the certificate's validity period.</summary>
    public static bool IsWithinValidity(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return now.UtcDateTime >= certificate.NotBefore.ToUniversalTime() && now.UtcDateTime <= certificate.NotAfter.ToUniversalTime();
    }

    /// <summary>
    /// Whether <paramref name="leaf"/> chains, through <paramref name="intermediates"/>, to one of
    /// <paramref name="roots"/> at <paramref name="now"/>.
    /// </summary>
    public static bool ChainsTo(X509Certificate2 leaf, IEnumerable<X509Certificate2> intermediates, IEnumerable<X509Certificate2> roots, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        var trusted = new X509Certificate2Collection(roots.ToArray());
        if (trusted.Count == 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.ExtraStore.AddRange(intermediates.ToArray());
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = now.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        return chain.Build(leaf);
    }

    /// <summary>Whether <paramref name="certificate"/> carries the public key of <paramref name="key"/>.</summary>
    public static bool HasPublicKeyOf(X509Certificate2 certificate, AsymmetricAlgorithm key)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(key);
        return certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.ExportSubjectPublicKeyInfo());
    }
}
