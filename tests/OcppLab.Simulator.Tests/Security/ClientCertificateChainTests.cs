using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Simulator.Cli;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// A charge point certificate issued by a sub-CA reaches a Central System that trusts only the root: the charge
/// point sends the intermediates with it (Security Whitepaper §2.5 with a PKI of more than one level).
/// </summary>
public sealed class ClientCertificateChainTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test]
    public async Task On_profile_3_the_sub_CA_goes_out_with_the_certificate_and_without_it_the_server_refuses()
    {
        using var root = TestCertificateAuthority.Create("Root CA");
        using var sub = root.IssueSubAuthority("Charge Point Sub-CA");
        using var leaf = sub.IssueClient("CN=CP-CHAIN");
        using var serverCertificate = root.IssueServer();
        await using var server = await TlsTestServer.StartAsync(serverCertificate, clientRoot: PublicPart(root.Certificate));
        using var subPublic = PublicPart(sub.Certificate);
        var withChain = new TransportSecurity(3, "CP-CHAIN", null, [PublicPart(root.Certificate)], leaf) { ClientCertificateIntermediates = [subPublic] };
        using var timeout = new CancellationTokenSource(Limit);

        using (await SecureWebSocketFactory.Client(() => withChain, () => TimeSpan.Zero)(server.Url("CP-CHAIN"), timeout.Token))
        {
        }

        var bare = withChain with { ClientCertificateIntermediates = [] };
        Assert.That(
            async () => await SecureWebSocketFactory.Client(() => bare, () => TimeSpan.Zero)(server.Url("CP-BARE"), timeout.Token),
            Throws.Exception);
        Assert.That(server.Seen.Select(h => (h.ChargePointId, h.ClientSubject)), Is.EqualTo(new[] { ("CP-CHAIN", "CN=CP-CHAIN") }));
    }

    [Test]
    public void A_client_cert_file_with_its_chain_keeps_the_sub_CA_and_leaves_out_the_root()
    {
        using var root = TestCertificateAuthority.Create("Root CA");
        using var sub = root.IssueSubAuthority("Charge Point Sub-CA");
        using var leaf = sub.IssueClient("CN=CP-FILE");
        var directory = Directory.CreateTempSubdirectory("ocpplab-chain-").FullName;
        var certificatePath = Path.Combine(directory, "cp.pem");
        File.WriteAllText(certificatePath, leaf.ExportCertificatePem() + "\n" + sub.Certificate.ExportCertificatePem() + "\n" + root.Certificate.ExportCertificatePem());
        var keyPath = TestCertificateAuthority.WriteKey(leaf, Path.Combine(directory, "cp.key.pem"));

        var problem = PemFiles.ReadCertificateWithKey("--client-cert", certificatePath, "--client-key", keyPath, out var certificate, out var intermediates);

        using (certificate)
        {
            Assert.That(problem, Is.Null);
            Assert.That(certificate!.HasPrivateKey, Is.True);
            Assert.That(intermediates.Select(c => c.Subject), Is.EqualTo(new[] { sub.Certificate.Subject }));
        }

        Directory.Delete(directory, recursive: true);
    }

    [Test]
    public void A_fleet_issuing_from_a_sub_CA_sends_the_sub_CA_and_a_root_issuer_sends_nothing_more()
    {
        using var root = TestCertificateAuthority.Create("Root CA");
        using var sub = root.IssueSubAuthority("Fleet Sub-CA");
        using var fromSub = new ChargePointCertificateIssuer(X509CertificateLoader.LoadPkcs12(sub.Certificate.Export(X509ContentType.Pkcs12), null));
        using var fromRoot = new ChargePointCertificateIssuer(X509CertificateLoader.LoadPkcs12(root.Certificate.Export(X509ContentType.Pkcs12), null));

        using var issued = fromSub.Issue("CP-FLEET", null, DateTimeOffset.UtcNow);

        Assert.That(fromSub.Intermediates.Select(c => c.Subject), Is.EqualTo(new[] { sub.Certificate.Subject }));
        Assert.That(fromSub.Intermediates.Single().HasPrivateKey, Is.False, "only the public part goes out");
        Assert.That(fromRoot.Intermediates, Is.Empty);
        Assert.That(CertificateChecks.ChainsTo(issued, fromSub.Intermediates, [root.Certificate], DateTimeOffset.UtcNow), Is.True);
    }

    private static X509Certificate2 PublicPart(X509Certificate2 certificate) => X509CertificateLoader.LoadCertificate(certificate.RawData);
}
