using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.Tests.Shared;

/// <summary>
/// The one way the tests issue X.509 certificates: a CA (ECDSA P-256, or RSA 2048 like our Central System's
/// own) valid around the clock the test runs on — the real one, or a virtual one the charge point checks
/// validity against — that issues sub-CAs, TLS server and client certificates, certificates for a PKCS#10
/// request, and writes itself as PEM files for the command line.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private TestCertificateAuthority(X509Certificate2 certificate, DateTimeOffset now)
    {
        Certificate = certificate;
        Now = now;
    }

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The instant the CA's certificates are valid around: a day before it, a year (a CA: two) after.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>
    /// A self-signed CA named <paramref name="name"/> (a CN, or a whole distinguished name), valid from a day before
    /// <paramref name="now"/> (the real clock when null) for five years, or until <paramref name="notAfter"/> (then
    /// from a year before it when that is already past). <paramref name="certificateAuthority"/> false makes a
    /// self-signed certificate that is not a CA.
    /// </summary>
    public static TestCertificateAuthority Create(string name, bool rsa = false, DateTimeOffset? now = null, DateTimeOffset? notAfter = null, bool certificateAuthority = true)
    {
        var clock = now ?? DateTimeOffset.UtcNow;
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = Request(name, key);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notBefore = notAfter is { } end && end < clock ? end.AddYears(-1) : clock.AddDays(-1);
        return new TestCertificateAuthority(request.CreateSelfSigned(notBefore, notAfter ?? clock.AddYears(5)), clock);
    }

    /// <summary>
    /// The CA of <paramref name="certificate"/> (with its private key), issuing around <paramref name="now"/>. The
    /// certificate stays the caller's: dispose it, not the result.
    /// </summary>
    public static TestCertificateAuthority Of(X509Certificate2 certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return new TestCertificateAuthority(certificate, now);
    }

    /// <summary>A sub-CA signed by this CA, with its key: the middle of a three-level PKI.</summary>
    public TestCertificateAuthority IssueSubAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = Request(name, key);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var issued = Issue(request, certificateAuthority: true);
        return new TestCertificateAuthority(issued.CopyWithPrivateKey(key), Now);
    }

    /// <summary>
    /// A TLS server certificate for 127.0.0.1 and localhost, with its key, loaded as Kestrel wants it. Valid on
    /// <see cref="Now"/> and on the real clock alike: a real handshake checks it against the real time.
    /// </summary>
    public X509Certificate2 IssueServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1, O=OcppLab Tests", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        var realNow = DateTimeOffset.UtcNow;
        var notBefore = (Now < realNow ? Now : realNow).AddDays(-1);
        var notAfter = (Now > realNow ? Now : realNow).AddDays(30);
        var caNotAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime());
        using var issued = Issue(request, notBefore, notAfter < caNotAfter ? notAfter : caNotAfter);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A TLS client certificate for <paramref name="subject"/>, with its key.</summary>
    public X509Certificate2 IssueClient(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid)], false));
        using var issued = Issue(request);
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>A certificate for <paramref name="name"/> with a new key (a firmware signer, say), with its key.</summary>
    public X509Certificate2 IssueWithKey(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = Issue(Request(name, key));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>Signs a PKCS#10 request as a Central System's CA does (SignCertificate → CertificateSigned).</summary>
    public X509Certificate2 SignCsr(string csrPem) =>
        Issue(CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions));

    /// <summary>Writes the CA as <c>NAME.pem</c> and <c>NAME.key.pem</c> (PKCS#8) in <paramref name="directory"/>, as our Central System keeps its own.</summary>
    public (string Certificate, string Key) WritePem(string directory, string name = "ca") =>
        (WriteCertificate(Certificate, Path.Combine(directory, name + ".pem")), WriteKey(Certificate, Path.Combine(directory, name + ".key.pem")));

    public static string WriteCertificate(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }

    public static string WriteKey(X509Certificate2 certificate, string path)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetRSAPrivateKey() ?? certificate.GetECDsaPrivateKey()!;
        File.WriteAllText(path, key.ExportPkcs8PrivateKeyPem());
        return path;
    }

    public void Dispose() => Certificate.Dispose();

    private static CertificateRequest Request(string name, AsymmetricAlgorithm key)
    {
        var subject = name.Contains('=', StringComparison.Ordinal) ? name : $"CN={name}, O=OcppLab Tests";
        return key is RSA rsa
            ? new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
    }

    private X509Certificate2 Issue(CertificateRequest request, bool certificateAuthority = false) =>
        Issue(request, Now.AddDays(-1), certificateAuthority ? Now.AddYears(2) : Now.AddYears(1), certificateAuthority);

    private X509Certificate2 Issue(CertificateRequest request, DateTimeOffset notBefore, DateTimeOffset notAfter, bool certificateAuthority = false)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, certificateAuthority));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        using var rsa = Certificate.GetRSAPrivateKey();
        using var ecdsa = rsa is null ? Certificate.GetECDsaPrivateKey() : null;
        var signer = rsa is not null ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa(ecdsa!);
        return request.Create(Certificate.SubjectName, signer, notBefore, notAfter, serial);
    }
}
