using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages;
using OcppLab.Simulator.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// A virtual charge point on virtual time with the security Central System, a file server, and a small CA
/// whose certificates are valid around the virtual clock.
/// </summary>
internal sealed class SecurityLab : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public SecurityLab(ChargePointTemplate? template = null)
    {
        // The Central System's clock only stamps its answers; the charge point's clock is the harness's.
        CentralSystem = new SecurityCentralSystem(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(ChargePointHarness.Start));
        Connector = new InMemoryConnector(CentralSystem.Connect);
        Harness = new ChargePointHarness(template ?? new ChargePointTemplate { SerialNumber = "SN-0001" }, Files, Connector);
    }

    public SecurityCentralSystem CentralSystem { get; }

    public InMemoryConnector Connector { get; }

    public ChargePointHarness Harness { get; }

    public FileServer Files { get; } = new();

    public VirtualChargePoint ChargePoint => Harness.ChargePoint;

    public DateTimeOffset Now => Harness.Now;

    public Task BootAsync(params (string Key, string Value)[] configuration) => Harness.BootAsync(configuration);

    public async Task<TResponse> CallAsync<TResponse>(IOcppRequest<TResponse> request)
        where TResponse : class, IOcppResponse
    {
        var response = await CentralSystem.CallAsync(request).WaitAsync(Patience);
        await Harness.SettleAsync();
        return response;
    }

    /// <summary>A self-signed CA certificate valid from a day before the virtual start for five years.</summary>
    public X509Certificate2 CreateRoot(string name, DateTimeOffset? notAfter = null, bool certificateAuthority = true) =>
        TestCertificateAuthority.Create(name, now: Now, notAfter: notAfter, certificateAuthority: certificateAuthority).Certificate;

    /// <summary>A sub-CA certificate issued by <paramref name="root"/>, with its key.</summary>
    public X509Certificate2 CreateSubAuthority(string name, X509Certificate2 root) =>
        TestCertificateAuthority.Of(root, Now).IssueSubAuthority(name).Certificate;

    /// <summary>Signs a PKCS#10 request with <paramref name="issuer"/> as the Central System's CA does.</summary>
    public X509Certificate2 Sign(string csrPem, X509Certificate2 issuer) => TestCertificateAuthority.Of(issuer, Now).SignCsr(csrPem);

    /// <summary>A firmware signing certificate issued by <paramref name="root"/>, with its key.</summary>
    public X509Certificate2 CreateSigner(X509Certificate2 root) => TestCertificateAuthority.Of(root, Now).IssueWithKey("Firmware Signer");

    public ValueTask DisposeAsync() => Harness.DisposeAsync();

    /// <summary>Serves files by path and keeps what is uploaded.</summary>
    internal sealed class FileServer : HttpMessageHandler
    {
        public Dictionary<string, byte[]> Files { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Uploads { get; } = new(StringComparer.Ordinal);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (request.Method == HttpMethod.Get)
            {
                return Files.TryGetValue(path, out var body)
                    ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
                    : new HttpResponseMessage(HttpStatusCode.NotFound);
            }

            Uploads[path] = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.Created);
        }
    }
}
