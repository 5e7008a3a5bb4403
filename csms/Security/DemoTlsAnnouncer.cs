using Microsoft.Extensions.Options;

namespace OcppLab.Csms.Security;

/// <summary>
/// For <c>--demo-tls</c>: writes the CA's certificate (never a key) where stations can pick it up to trust the
/// wss:// endpoint, and says where and which CA it is (made for this run, or kept in the data directory).
/// </summary>
internal sealed class DemoTlsAnnouncer(TlsMaterial material, IOptions<CsmsSecurityOptions> options, ILogger<DemoTlsAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value.Security;
        var folder = string.IsNullOrEmpty(settings.DemoTlsFolder) ? Path.Combine(Path.GetTempPath(), "ocpplab-demo-tls") : settings.DemoTlsFolder;
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "ocpplab-demo-ca.pem");
        await File.WriteAllTextAsync(file, material.Authority.CertificatePem, cancellationToken);
        SecurityLog.DemoTls(logger, material.Authority.Origin, settings.TlsHostName, file, settings.TlsUrl ?? CsmsSecurityExtensions.DefaultTlsUrl);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
