using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.Security;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Security;

public sealed class CertificateAuthorityTests
{
    private const string Sha256WithRsa = "1.2.840.113549.1.1.11";
    private const string RsaPss = "1.2.840.113549.1.1.10";

    [Test]
    public async Task A_CSR_naming_the_charge_point_is_signed_with_plain_SHA256withRSA_and_keeps_the_CSRs_key()
    {
        await using var csms = new CsmsFactory();
        var authority = csms.Services.GetRequiredService<CertificateAuthority>();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CP001, O=OcppLab", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var (chain, problem) = authority.Sign(csr, ["CP001"]);
        using var certificate = X509Certificate2.CreateFromPem(chain!);

        Assert.That(problem, Is.Null);
        Assert.That(certificate.SignatureAlgorithm.Value, Is.EqualTo(Sha256WithRsa).And.Not.EqualTo(RsaPss));
        Assert.That(certificate.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo("CP001"));
        Assert.That(certificate.GetECDsaPublicKey()!.ExportSubjectPublicKeyInfo(), Is.EqualTo(key.ExportSubjectPublicKeyInfo()));
        Assert.That(certificate.SerialNumber, Is.Not.Empty);
        Assert.That(authority.Issued(certificate), Is.True);
        Assert.That(chain, Does.Contain(authority.CertificatePem.Trim()));
    }

    [Test]
    public async Task A_CSR_naming_another_charge_point_is_refused()
    {
        await using var csms = new CsmsFactory();
        var authority = csms.Services.GetRequiredService<CertificateAuthority>();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest("CN=CP002", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();

        var (chain, problem) = authority.Sign(csr, ["CP001"]);

        Assert.That(chain, Is.Null);
        Assert.That(problem, Does.Contain("CP002"));
    }

    [Test]
    public async Task A_CSR_with_an_RSA_key_shorter_than_2048_bits_is_refused()
    {
        await using var csms = new CsmsFactory();
        var authority = csms.Services.GetRequiredService<CertificateAuthority>();
        using var key = RSA.Create(1024);
        var csr = new CertificateRequest("CN=CP001", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();

        var (chain, problem) = authority.Sign(csr, ["CP001"]);

        Assert.That(chain, Is.Null);
        Assert.That(problem, Does.Contain("2048"));
    }

    [Test]
    public async Task Text_that_is_not_a_CSR_is_refused_with_the_reason()
    {
        await using var csms = new CsmsFactory();
        var authority = csms.Services.GetRequiredService<CertificateAuthority>();

        var (chain, problem) = authority.Sign("-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----", ["CP001"]);

        Assert.That(chain, Is.Null);
        Assert.That(problem, Does.Contain("CSR"));
    }

    [Test]
    public async Task The_server_certificate_names_the_host_has_a_serial_number_and_a_2048_bit_RSA_key()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:Security:TlsHostName"] = "csms.example.org" });
        var material = csms.Services.GetRequiredService<TlsMaterial>();

        Assert.That(material.ServerCertificate.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo("csms.example.org"));
        Assert.That(material.ServerCertificate.SerialNumber, Is.Not.Empty);
        Assert.That(material.ServerCertificate.GetRSAPublicKey()!.KeySize, Is.GreaterThanOrEqualTo(2048));
        Assert.That(material.ServerCertificate.HasPrivateKey, Is.True);
    }
}
