using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages;
using OcppLab.Simulator.Tests.Support;

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
    public X509Certificate2 CreateRoot(string name, DateTimeOffset? notAfter = null, bool certificateAuthority = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=OcppLab Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var notBefore = notAfter is { } end && end < Now ? end.AddYears(-1) : Now.AddDays(-1);
        return request.CreateSelfSigned(notBefore, notAfter ?? Now.AddYears(5));
    }

    /// <summary>A sub-CA certificate issued by <paramref name="root"/>, with its key.</summary>
    public X509Certificate2 CreateSubAuthority(string name, X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}, O=OcppLab Tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var rootKey = root.GetECDsaPrivateKey()!;
        using var signed = request.Create(root.SubjectName, X509SignatureGenerator.CreateForECDsa(rootKey), Now.AddDays(-1), Now.AddYears(2), [0x01, 0x02, 0x03]);
        return signed.CopyWithPrivateKey(key);
    }

    /// <summary>Signs a PKCS#10 request with <paramref name="issuer"/> as the Central System's CA does.</summary>
    public X509Certificate2 Sign(string csrPem, X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var key = issuer.GetECDsaPrivateKey()!;
        return request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(key), Now.AddDays(-1), Now.AddYears(1), serial);
    }

    /// <summary>A firmware signing certificate issued by <paramref name="root"/>, with its key.</summary>
    public X509Certificate2 CreateSigner(X509Certificate2 root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Firmware Signer, O=OcppLab Tests", key, HashAlgorithmName.SHA256);
        using var signed = Sign(request.CreateSigningRequestPem(), root);
        return signed.CopyWithPrivateKey(key);
    }

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
