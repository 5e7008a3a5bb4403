using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.Conformance.Drivers;

namespace OcppLab.Conformance.TargetTests;

/// <summary>
/// TC_086/TC_087 check OCTT's TLS 1.2 suites on a TLS 1.2 handshake: a server that prefers TLS 1.3 cannot
/// hide a TLS 1.2 set-up without them, and TLS 1.3 is reported apart.
/// </summary>
[Platform(Exclude = "Win", Reason = "The test server needs a cipher suite policy, which Windows's TLS stack does not take.")]
public sealed class TlsProbeTests
{
    [Test]
    public async Task A_server_without_octts_tls_12_suites_fails_even_when_it_speaks_tls_13()
    {
        await using var server = await TlsServer.StartAsync(SslProtocols.Tls12 | SslProtocols.Tls13, [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256, TlsCipherSuite.TLS_AES_128_GCM_SHA256]);

        var result = await TlsProbe.CheckAsync(server.Uri, null, CancellationToken.None);

        Assert.That(result.Problems, Has.One.Contains("TLS 1.2 handshake offering only OCTT's cipher suites"));
        Assert.That(result.Notes, Has.One.StartsWith("TLS 1.3: TLS_AES_128_GCM_SHA256"));
    }

    [Test]
    public async Task A_tls_12_server_with_an_octt_suite_passes_and_tls_13_is_only_a_note()
    {
        await using var server = await TlsServer.StartAsync(SslProtocols.Tls12, [TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384]);

        var result = await TlsProbe.CheckAsync(server.Uri, null, CancellationToken.None);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Notes, Has.One.EqualTo("TLS 1.2: TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"));
        Assert.That(result.Notes, Has.One.StartsWith("TLS 1.3: not offered"));
    }

    /// <summary>A loopback TLS server with an EC certificate for "localhost" and the given protocols and suites.</summary>
    private sealed class TlsServer : IAsyncDisposable
    {
        private readonly TcpListener listener;
        private readonly X509Certificate2 certificate;
        private readonly CancellationTokenSource stop = new();
        private readonly Task accepting;

        private TlsServer(SslProtocols protocols, TlsCipherSuite[] suites)
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
            listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var options = new SslServerAuthenticationOptions
            {
                ServerCertificate = certificate,
                EnabledSslProtocols = protocols,
                CipherSuitesPolicy = OperatingSystem.IsWindows() ? null : new CipherSuitesPolicy(suites),
            };
            accepting = Task.Run(() => AcceptAsync(options));
        }

        public Uri Uri => new($"wss://localhost:{((IPEndPoint)listener.LocalEndpoint).Port}/ocpp/");

        public static Task<TlsServer> StartAsync(SslProtocols protocols, TlsCipherSuite[] suites) => Task.FromResult(new TlsServer(protocols, suites));

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            listener.Stop();
            try
            {
                await accepting;
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }

            certificate.Dispose();
            stop.Dispose();
        }

        private async Task AcceptAsync(SslServerAuthenticationOptions options)
        {
            while (!stop.IsCancellationRequested)
            {
                using var client = await listener.AcceptTcpClientAsync(stop.Token);
                await using var tls = new SslStream(client.GetStream());
                try
                {
                    await tls.AuthenticateAsServerAsync(options, stop.Token);
                }
                catch (Exception e) when (e is AuthenticationException or IOException)
                {
                    // The probe's handshake was refused, as the test intends.
                }
            }
        }
    }
}
