using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// A CA made for one test on the real clock (valid from a day ago for a year), RSA 2048 like our Central System's
/// own or ECDSA P-256: issues TLS server and client certificates and writes itself as PEM files for the command line.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuthOid = "1.3.6.1.5.5.7.3.2";

    private TestCertificateAuthority(X509Certificate2 certificate) => Certificate = certificate;

    /// <summary>The CA certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    public static TestCertificateAuthority Create(string name, bool rsa = false)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new CertificateRequest($"CN={name}, O=OcppLab Tests", r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest($"CN={name}, O=OcppLab Tests", (ECDsa)key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return new TestCertificateAuthority(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1)));
    }

    /// <summary>A sub-CA signed by this CA, with its key: the middle of a three-level PKI.</summary>
    public TestCertificateAuthority IssueSubAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=OcppLab Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var issued = Sign(request, certificateAuthority: true);
        return new TestCertificateAuthority(issued.CopyWithPrivateKey(key));
    }

    /// <summary>A TLS server certificate for 127.0.0.1 and localhost, with its key, loaded as Kestrel wants it.</summary>
    public X509Certificate2 IssueServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuthOid)], false));
        using var issued = Sign(request);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>A TLS client certificate for <paramref name="subject"/>, with its key.</summary>
    public X509Certificate2 IssueClient(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuthOid)], false));
        using var issued = Sign(request);
        return issued.CopyWithPrivateKey(key);
    }

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

    private X509Certificate2 Sign(CertificateRequest request, bool certificateAuthority = false)
    {
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, certificateAuthority));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Certificate, true, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        using var rsa = Certificate.GetRSAPrivateKey();
        using var ecdsa = rsa is null ? Certificate.GetECDsaPrivateKey() : null;
        var signer = rsa is not null ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1) : X509SignatureGenerator.CreateForECDsa(ecdsa!);
        return request.Create(Certificate.SubjectName, signer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
    }
}
