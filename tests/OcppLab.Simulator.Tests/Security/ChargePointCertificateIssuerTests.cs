using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using OcppLab.ChargePoint.Security;
using OcppLab.Csms.Security;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>The certificates the fleet issues its charge points for security profile 3 (Security Whitepaper §2.5, §3.2).</summary>
public sealed class ChargePointCertificateIssuerTests
{
    private string directory = string.Empty;

    [SetUp]
    public void MakeDirectory()
    {
        directory = Path.Combine(Path.GetTempPath(), "ocpplab-issuer-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
    }

    [TearDown]
    public void RemoveDirectory() => Directory.Delete(directory, recursive: true);

    [TestCase(true)]
    [TestCase(false)]
    public void A_certificate_names_the_charge_point_and_is_one_our_Central_System_admits_on_profile_3(bool rsaAuthority)
    {
        using var ca = TestCertificateAuthority.Create("Fleet CA", rsaAuthority);
        var (caPem, caKey) = ca.WritePem(directory);
        using var issuer = new ChargePointCertificateIssuer(X509Certificate2.CreateFromPemFile(caPem, caKey));
        using var csmsAuthority = new CertificateAuthority(
            Options.Create(new CsmsSecurityOptions { Security = new SecuritySettings { CaCertificatePath = caPem, CaKeyPath = caKey } }),
            TimeProvider.System);

        using var certificate = issuer.Issue("CP00042", "OcppLab CPO", DateTimeOffset.UtcNow);

        Assert.That(CertificateAuthority.CommonName(certificate.SubjectName), Is.EqualTo("CP00042"));
        Assert.That(certificate.Subject, Does.Contain("O=OcppLab CPO"));
        Assert.That(csmsAuthority.Issued(certificate), Is.True);
        Assert.That(certificate.HasPrivateKey, Is.True);
        using var key = certificate.GetECDsaPublicKey();
        Assert.That(key?.KeySize, Is.EqualTo(256));
        Assert.That(certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value), Is.EqualTo(new[] { "1.3.6.1.5.5.7.3.2" }));
        Assert.That(certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority, Is.False);
    }

    [Test]
    public void Without_a_CpoName_the_subject_is_the_identity_alone_and_every_serial_number_is_new()
    {
        using var ca = TestCertificateAuthority.Create("Fleet CA");
        using var issuer = new ChargePointCertificateIssuer(X509CertificateLoader.LoadPkcs12(ca.Certificate.Export(X509ContentType.Pkcs12), null));

        using var first = issuer.Issue("CP1", null, DateTimeOffset.UtcNow);
        using var second = issuer.Issue("CP1", null, DateTimeOffset.UtcNow);

        Assert.That(first.Subject, Is.EqualTo("CN=CP1"));
        Assert.That(first.SerialNumber, Is.Not.EqualTo(second.SerialNumber));
    }

    [Test]
    public void A_certificate_ends_no_later_than_its_CA()
    {
        using var ca = TestCertificateAuthority.Create("Fleet CA");
        using var issuer = new ChargePointCertificateIssuer(X509CertificateLoader.LoadPkcs12(ca.Certificate.Export(X509ContentType.Pkcs12), null));

        using var certificate = issuer.Issue("CP1", null, DateTimeOffset.UtcNow.AddMonths(11));

        Assert.That(certificate.NotAfter, Is.LessThanOrEqualTo(ca.Certificate.NotAfter));
    }

    [Test]
    public void Issuing_certificates_for_a_large_fleet_takes_seconds_not_minutes()
    {
        // An RSA 2048 key per charge point would take tens of milliseconds each; the fleet powers on hundreds a second.
        using var ca = TestCertificateAuthority.Create("Fleet CA");
        using var issuer = new ChargePointCertificateIssuer(X509CertificateLoader.LoadPkcs12(ca.Certificate.Export(X509ContentType.Pkcs12), null));
        const int Count = 500;

        var clock = Stopwatch.StartNew();
        for (var n = 0; n < Count; n++)
        {
            issuer.Issue($"CP{n:00000}", null, DateTimeOffset.UtcNow).Dispose();
        }

        clock.Stop();
        TestContext.Out.WriteLine($"{Count} certificates in {clock.ElapsedMilliseconds} ms");
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(15)));
    }
}
