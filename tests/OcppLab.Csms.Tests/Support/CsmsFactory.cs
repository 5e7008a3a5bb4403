using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OcppLab.Csms.Tests.Support;

/// <summary>
/// The Central System in process, on virtual time (FakeTimeProvider), checking its own outgoing payloads
/// against the 1.6 schemas. Settings can be overridden per test.
/// </summary>
public sealed class CsmsFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly bool kestrel;
    private readonly Action<IServiceCollection>? services;

    /// <summary>Creates a host with the embedded defaults plus <paramref name="overrides"/>.</summary>
    /// <param name="overrides">Configuration keys such as <c>Csms:UnknownChargePoints</c>.</param>
    /// <param name="kestrel">Listen on a real loopback port (for peers in other processes) instead of the in-memory test server.</param>
    /// <param name="services">Adds to the host's services after the Central System's own (a log provider, say).</param>
    public CsmsFactory(IDictionary<string, string?>? overrides = null, bool kestrel = false, Action<IServiceCollection>? services = null)
    {
        this.services = services;
        settings = new Dictionary<string, string?>
        {
            ["Csms:ValidateOutgoing"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Csms:Files:FirmwareFolder"] = Path.Combine(FilesRoot, "firmware"),
            ["Csms:Files:DiagnosticsFolder"] = Path.Combine(FilesRoot, "diagnostics"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        this.kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        }
    }

    /// <summary>A folder of this host's own for firmware and diagnostics files, removed on dispose.</summary>
    public string FilesRoot { get; } = Path.Combine(Path.GetTempPath(), "ocpplab-csms-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The Central System's clock.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));

    /// <summary>The base WebSocket URI of the OCPP endpoint, e.g. <c>ws://127.0.0.1:1234/ocpp/</c>.</summary>
    public Uri OcppBaseUri
    {
        get
        {
            if (!kestrel)
            {
                return new Uri(Server.BaseAddress, "/ocpp/");
            }

            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/ocpp/");
        }
    }

    /// <summary>The HTTP base URI of the operator API (Kestrel mode).</summary>
    public Uri HttpBaseUri
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        }
    }

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesRoot))
        {
            Directory.Delete(FilesRoot, recursive: true);
        }
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(settings));
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Time));
        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
