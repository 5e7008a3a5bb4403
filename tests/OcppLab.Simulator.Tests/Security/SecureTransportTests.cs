using System.Net;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using OcppLab.Simulator.Security;
using OcppLab.Simulator.Transport;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// Security profiles 2 and 3 over a real TLS connection (Kestrel on 127.0.0.1 with a certificate from a test
/// CA): what the server sees of the handshake and the upgrade request (Security Whitepaper §2.4, §2.5).
/// </summary>
public sealed class SecureTransportTests
{
    private const string Key = "4F43415F4F4354545F61646D696E5F74657374";
    private readonly List<(SslProtocols Protocol, string? Authorization, string? ClientSubject, string? SubProtocol)> seen = [];
    private WebApplication? app;
    private X509Certificate2? root;
    private ECDsa? rootKey;
    private X509Certificate2? server;
    private Uri? url;

    [SetUp]
    public async Task StartTlsCentralSystem()
    {
        rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Central System Root", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        root = rootRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        server = Issue("CN=127.0.0.1", serverAuth: true);

        seen.Clear();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = server,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        })));
        app = builder.Build();
        app.UseWebSockets();
        app.Map("/ocpp/{id}", async (HttpContext context) =>
        {
            var tls = context.Features.Get<ITlsHandshakeFeature>();
            var offered = context.WebSockets.WebSocketRequestedProtocols;
            lock (seen)
            {
                seen.Add((tls?.Protocol ?? SslProtocols.None, context.Request.Headers.Authorization.FirstOrDefault(), context.Connection.ClientCertificate?.Subject, offered.FirstOrDefault()));
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(offered.Contains(WebSocketFactory.SubProtocol) ? WebSocketFactory.SubProtocol : null);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        url = new Uri($"ws://127.0.0.1:{port}/ocpp/CP001");
    }

    [TearDown]
    public async Task StopTlsCentralSystem()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        server?.Dispose();
        root?.Dispose();
        rootKey?.Dispose();
    }

    [Test]
    public async Task On_profile_2_the_charge_point_checks_the_server_against_its_root_and_sends_basic_credentials_over_tls()
    {
        var security = new TransportSecurity(2, "CP001", Key, [root!], null);

        using var socket = await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(url!, CancellationToken.None);

        Assert.That(socket.SubProtocol, Is.EqualTo(WebSocketFactory.SubProtocol));
        var handshake = seen.Single();
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
        Assert.That(handshake.Authorization, Is.EqualTo(WebSocketFactory.BasicAuthorization("CP001", Key)));
        Assert.That(handshake.ClientSubject, Is.Null);
    }

    [Test]
    public async Task On_profile_3_the_charge_point_presents_its_certificate_and_no_password()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var issued = Issue("CN=SN-0001, O=OcppLab CPO", serverAuth: false, key);
        using var client = issued.CopyWithPrivateKey(key);
        var security = new TransportSecurity(3, "CP001", Key, [root!], client);

        using var socket = await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(url!, CancellationToken.None);

        var handshake = seen.Single();
        Assert.That(handshake.ClientSubject, Does.Contain("CN=SN-0001"));
        Assert.That(handshake.Authorization, Is.Null);
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
    }

    [Test]
    public void A_server_certificate_from_another_root_is_refused_and_reported()
    {
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var other = new CertificateRequest("CN=Another Root", otherKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var problems = new List<string>();
        var security = new TransportSecurity(2, "CP001", Key, [other], null, problems.Add);

        Assert.That(
            async () => await SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero)(url!, CancellationToken.None),
            Throws.InstanceOf<WebSocketException>());
        Assert.That(problems, Has.Some.Contains("does not chain"));
        Assert.That(seen, Is.Empty);
    }

    private X509Certificate2 Issue(string subject, bool serverAuth, ECDsa? subjectKey = null)
    {
        using var generated = subjectKey is null ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : null;
        var key = subjectKey ?? generated!;
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        }
        else
        {
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        }

        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var certificate = request.Create(root!.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey!), DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        if (subjectKey is not null)
        {
            return X509CertificateLoader.LoadCertificate(certificate.RawData);
        }

        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
