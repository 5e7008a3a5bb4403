using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.Security;
using OcppLab.Csms.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.Security;

public sealed class TlsProfileTests
{
    private const string Password = "OcppLabSecret0001";

    private static CsmsFactory Csms(int profile) => new(new Dictionary<string, string?>
    {
        ["Csms:ChargePoints:0:Id"] = "CP001",
        ["Csms:ChargePoints:0:SecurityProfile"] = profile.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Csms:ChargePoints:0:AuthorizationKey"] = Password,
    });

    [Test]
    public async Task A_profile_2_station_is_accepted_over_TLS_with_its_password()
    {
        await using var csms = Csms(2);
        await using var tls = await TlsFront.StartAsync(csms);

        var (socket, status) = await tls.TryAsync("CP001", Upgrade.Basic("CP001", Password));
        using var open = socket;

        Assert.That(socket, Is.Not.Null, $"refused with {status}");
    }

    [Test]
    public async Task A_profile_2_station_over_TLS_without_credentials_is_refused_with_401()
    {
        await using var csms = Csms(2);
        await using var tls = await TlsFront.StartAsync(csms);

        var (socket, status) = await tls.TryAsync("CP001");

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_profile_3_station_is_accepted_with_a_client_certificate_from_the_CSMS_CA()
    {
        await using var csms = Csms(3);
        await using var tls = await TlsFront.StartAsync(csms);
        using var certificate = Issue(csms, "CP001");

        var (socket, status) = await tls.TryAsync("CP001", clientCertificate: certificate);
        using var open = socket;

        Assert.That(socket, Is.Not.Null, $"refused with {status}");
    }

    [Test]
    public async Task A_profile_3_station_with_only_its_password_is_refused_below_its_profile()
    {
        await using var csms = Csms(3);
        await using var tls = await TlsFront.StartAsync(csms);

        var (socket, status) = await tls.TryAsync("CP001", Upgrade.Basic("CP001", Password));

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(403));
    }

    [Test]
    public async Task A_client_certificate_from_another_CA_is_refused()
    {
        await using var csms = Csms(3);
        await using var tls = await TlsFront.StartAsync(csms);
        using var stranger = TestCertificateAuthority.Create("Stranger CA");
        using var untrusted = stranger.IssueClient("CN=CP001");

        var (socket, _) = await tls.TryAsync("CP001", clientCertificate: untrusted);

        Assert.That(socket, Is.Null);
    }

    [Test]
    public async Task A_client_certificate_from_the_CSMS_CA_for_another_charge_point_is_refused()
    {
        await using var csms = Csms(3);
        await using var tls = await TlsFront.StartAsync(csms);
        using var certificate = Issue(csms, "CP002");

        var (socket, status) = await tls.TryAsync("CP001", clientCertificate: certificate);

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(403));
    }

    private static X509Certificate2 Issue(CsmsFactory csms, string cn)
    {
        // The key lives as long as the certificate that carries it.
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var csr = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256).CreateSigningRequestPem();
        var (chain, problem) = csms.Services.GetRequiredService<CertificateAuthority>().Sign(csr, [cn]);
        using var issued = X509Certificate2.CreateFromPem(chain ?? throw new InvalidOperationException(problem));
        return issued.CopyWithPrivateKey(key);
    }
}
