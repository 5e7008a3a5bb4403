using System.Net.WebSockets;
using System.Security.Authentication;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// Security profiles 2 and 3 over a real TLS connection (Kestrel on 127.0.0.1 with a certificate from a test
/// CA): what the server sees of the handshake and the upgrade request (Security Whitepaper §2.4, §2.5).
/// </summary>
public sealed class SecureTransportTests
{
    private const string Key = "4F43415F4F4354545F61646D696E5F74657374";
    private TestCertificateAuthority? authority;
    private TlsTestServer? server;

    private Uri Url => server!.Url("CP001");

    [SetUp]
    public async Task StartTlsCentralSystem()
    {
        authority = TestCertificateAuthority.Create("Test Central System Root");
        server = await TlsTestServer.StartAsync(authority.IssueServer());
    }

    [TearDown]
    public async Task StopTlsCentralSystem()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        authority?.Dispose();
    }

    [Test]
    public async Task On_profile_2_the_charge_point_checks_the_server_against_its_root_and_sends_basic_credentials_over_tls()
    {
        var security = new TransportSecurity(2, "CP001", Key, [authority!.Certificate], null);

        using var socket = await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(Url, CancellationToken.None);

        Assert.That(socket.SubProtocol, Is.EqualTo(WebSocketFactory.SubProtocol));
        var handshake = server!.Seen.Single();
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
        Assert.That(handshake.Authorization, Is.EqualTo(WebSocketFactory.BasicAuthorization("CP001", Key)));
        Assert.That(handshake.ClientSubject, Is.Null);
    }

    [Test]
    public async Task On_profile_3_the_charge_point_presents_its_certificate_and_no_password()
    {
        using var client = authority!.IssueClient("CN=SN-0001, O=OcppLab CPO");
        var security = new TransportSecurity(3, "CP001", Key, [authority.Certificate], client);

        using var socket = await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(Url, CancellationToken.None);

        var handshake = server!.Seen.Single();
        Assert.That(handshake.ClientSubject, Does.Contain("CN=SN-0001"));
        Assert.That(handshake.Authorization, Is.Null);
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
    }

    [Test]
    public void A_server_certificate_from_another_root_is_refused_and_reported()
    {
        using var other = TestCertificateAuthority.Create("Another Root");
        var problems = new List<string>();
        var security = new TransportSecurity(2, "CP001", Key, [other.Certificate], null, problems.Add);

        Assert.That(
            async () => await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(Url, CancellationToken.None),
            Throws.InstanceOf<WebSocketException>());
        Assert.That(problems, Has.Some.Contains("does not chain"));
        Assert.That(server!.Seen, Is.Empty);
    }

    [Test]
    public void Without_installed_roots_the_server_is_refused_unless_the_system_trust_store_may_stand_in()
    {
        var problems = new List<string>();
        var pinned = new TransportSecurity(2, "CP001", Key, [], null, problems.Add);
        var system = pinned with { UseSystemTrustWithoutRoots = true };

        Assert.That(
            async () => await SecureWebSocketFactory.Client(() => pinned, () => TimeSpan.Zero)(Url, CancellationToken.None),
            Throws.InstanceOf<WebSocketException>());
        Assert.That(
            async () => await SecureWebSocketFactory.Client(() => system, () => TimeSpan.Zero)(Url, CancellationToken.None),
            Throws.InstanceOf<WebSocketException>());

        // The test CA is in no system store: the first refusal is for the missing root, the second the platform's.
        Assert.That(problems, Has.Count.EqualTo(2));
        Assert.That(problems[0], Does.Contain("does not chain to an installed CentralSystemRootCertificate"));
        Assert.That(problems[1], Does.Contain("not trusted by the system trust store"));
        Assert.That(server!.Seen, Is.Empty);
    }
}
