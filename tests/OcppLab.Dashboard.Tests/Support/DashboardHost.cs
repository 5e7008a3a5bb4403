using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OcppLab.Dashboard.Tests.Support;

/// <summary>
/// The Central System on a real loopback port and the real clock, so a browser and a charge point in
/// other processes reach it and the page shows true heartbeat ages.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly string filesRoot = Path.Combine(Path.GetTempPath(), "ocpplab-dashboard-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Creates the host; it starts on first use of <see cref="BaseUri"/>.</summary>
    public DashboardHost() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>The page and the operator API, e.g. <c>http://127.0.0.1:1234/</c>.</summary>
    public Uri BaseUri
    {
        get
        {
            StartServer();
            return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
        }
    }

    /// <summary>The OCPP endpoint without the station id, e.g. <c>ws://127.0.0.1:1234/ocpp</c>.</summary>
    public string OcppUrl => $"ws://{BaseUri.Authority}/ocpp";

    /// <inheritdoc/>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(filesRoot))
        {
            Directory.Delete(filesRoot, recursive: true);
        }
    }

    /// <inheritdoc/>
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Csms:Files:FirmwareFolder"] = Path.Combine(filesRoot, "firmware"),
            ["Csms:Files:DiagnosticsFolder"] = Path.Combine(filesRoot, "diagnostics"),
        }));
    }
}
