using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.ChargePoint.Security;

/// <summary>
/// Issues charge point certificates from a CA that is handed to the fleet, so that thousands of charge points
/// can each present a certificate of their own on security profile 3 (Security Whitepaper §2.5) from their first
/// connection, without a SignCertificate round trip first. The certificate is shaped as §3.2 "Certificate
/// properties" asks: an EC key of at least 224 bits (ECDSA P-256 here, cheap to make by the thousand), SHA-256,
/// O = CpoName when the charge point has one. Its CN is the charge point identity: that is what a Central System
/// can match on the first connection, before any BootNotification told it a serial number (our CSMS accepts
/// either, see csms/Security/StationAdmission.cs).
/// </summary>
public sealed class ChargePointCertificateIssuer : IDisposable
{
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";
    private static readonly TimeSpan Validity = TimeSpan.FromDays(365);
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly X509Certificate2 authority;
    private readonly AsymmetricAlgorithm key;
    private readonly X509SignatureGenerator signer;
    private readonly X509AuthorityKeyIdentifierExtension? authorityKeyIdentifier;

    // One signature at a time: the .NET key types do not promise that one instance may sign on several threads,
    // and charge points power on from the thread pool.
    private readonly Lock signing = new();

    /// <summary>
    /// Issues with <paramref name="authority"/>, a CA certificate with its RSA or EC private key (taken over, disposed
    /// with this). When it is a sub-CA, it and <paramref name="authorityChain"/> (the CAs above it; taken over) are the
    /// <see cref="Intermediates"/> every charge point sends with its certificate.
    /// </summary>
    public ChargePointCertificateIssuer(X509Certificate2 authority, IReadOnlyList<X509Certificate2>? authorityChain = null)
    {
        ArgumentNullException.ThrowIfNull(authority);
        this.authority = authority;
        Intermediates = CertificateChecks.IsSelfSigned(authority)
            ? [.. authorityChain ?? []]
            : [X509CertificateLoader.LoadCertificate(authority.RawDataMemory.Span), .. authorityChain ?? []];
        if (authority.GetRSAPrivateKey() is { } rsa)
        {
            key = rsa;
            signer = X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1);
        }
        else
        {
            var ecdsa = authority.GetECDsaPrivateKey() ?? throw new ArgumentException("The CA certificate has no RSA or EC private key.", nameof(authority));
            key = ecdsa;
            signer = X509SignatureGenerator.CreateForECDsa(ecdsa);
        }

        // The authority key identifier helps a verifier with several CAs pick the issuer; it is made from the CA's
        // subject key identifier, which a CA certificate need not carry.
        authorityKeyIdentifier = authority.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Any()
            ? X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, includeKeyIdentifier: true, includeIssuerAndSerial: false)
            : null;
    }

    /// <summary>The CA certificate.</summary>
    public X509Certificate2 Authority => authority;

    /// <summary>The CA certificates between an issued certificate and the root (public parts); empty when the authority is the root.</summary>
    public IReadOnlyList<X509Certificate2> Intermediates { get; }

    /// <summary>A new key pair and a certificate for <paramref name="chargePointId"/>, valid from <paramref name="now"/> for a year (at most as long as the CA).</summary>
    public X509Certificate2 Issue(string chargePointId, string? cpoName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(chargePointId);
        var subject = new X500DistinguishedNameBuilder();
        if (cpoName is { Length: > 0 })
        {
            subject.AddOrganizationName(cpoName);
        }

        subject.AddCommonName(chargePointId);
        using var subjectKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject.Build(), subjectKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (authorityKeyIdentifier is not null)
        {
            request.CertificateExtensions.Add(authorityKeyIdentifier);
        }

        var notAfter = now + Validity;
        var caNotAfter = new DateTimeOffset(authority.NotAfter.ToUniversalTime());
        X509Certificate2 issued;
        lock (signing)
        {
            issued = request.Create(authority.SubjectName, signer, now - ClockSkew, notAfter < caNotAfter ? notAfter : caNotAfter, NewSerial());
        }

        using (issued)
        {
            return issued.CopyWithPrivateKey(subjectKey);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        key.Dispose();
        authority.Dispose();
        foreach (var intermediate in Intermediates)
        {
            intermediate.Dispose();
        }
    }

    private static byte[] NewSerial()
    {
        // RFC 5280 §4.1.2.2: a positive integer of at most 20 octets, unique per CA; 16 random bytes are.
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return serial;
    }
}
