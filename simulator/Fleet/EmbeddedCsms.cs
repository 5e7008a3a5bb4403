using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OcppLab.Csms;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Dashboard;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The lab's Central System started inside the calling process, with the same registrations and pipeline as
/// <c>csms/Program.cs</c> (<see cref="CentralSystemApplication"/>), logging at Error so the live view stays readable, and
/// the fleet's cards added to its id tags so that every session is authorized. The fleet runs it in a child process
/// (<see cref="CentralSystemProcess"/>) so that its figures are its own; tests that need its services start it in process.
/// </summary>
public sealed class EmbeddedCsms : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmbeddedCsms(WebApplication app, Uri baseAddress, Uri? tlsAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        if (tlsAddress is not null)
        {
            // The server certificate names the host it was issued for (Csms:Security:TlsHostName): connect by that name.
            var host = app.Services.GetRequiredService<TlsMaterial>().ServerCertificate.GetNameInfo(X509NameType.SimpleName, false);
            TlsOcppUrl = new UriBuilder(tlsAddress) { Scheme = "wss", Host = host, Path = OcppEndpointRouteBuilderExtensions.PathPrefix }.Uri;
        }
    }

    /// <summary>The HTTP address it listens on (the dashboard and operator API).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OCPP endpoint's base URL for charge points.</summary>
    public Uri OcppUrl => new UriBuilder(BaseAddress) { Scheme = "ws", Path = OcppEndpointRouteBuilderExtensions.PathPrefix }.Uri;

    /// <summary>The wss:// OCPP endpoint (security profiles 2 and 3) when <c>Csms:Security:TlsUrl</c> is set, else null.</summary>
    public Uri? TlsOcppUrl { get; }

    /// <summary>The Central System's services (its stores, for tests and reports).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts the Central System on <paramref name="url"/> (port 0 picks a free one).</summary>
    public static Task<EmbeddedCsms> StartAsync(string url, IEnumerable<string> idTags, CancellationToken cancellationToken) =>
        StartAsync(url, idTags, new Dictionary<string, string?>(), cancellationToken);

    /// <summary>
    /// Starts the Central System on <paramref name="url"/> with <paramref name="settings"/> over its configuration, such as
    /// <c>Csms:Security:TlsUrl</c> (a wss:// listener too, port 0 for a free one), <c>Csms:Security:DefaultSecurityProfile</c>,
    /// <c>Csms:Security:CaCertificatePath</c> and <c>CaKeyPath</c>, or <c>Csms:ChargePoints:0:AuthorizationKey</c>.
    /// </summary>
    public static Task<EmbeddedCsms> StartAsync(string url, IEnumerable<string> idTags, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        StartAsync(url, idTags, settings, null, cancellationToken);

    /// <summary>
    /// Starts the Central System as <see cref="StartAsync(string, IEnumerable{string}, IReadOnlyDictionary{string, string?}, CancellationToken)"/>
    /// does, logging to <paramref name="log"/> instead of the console when given (the fleet's live view owns the terminal).
    /// </summary>
    public static async Task<EmbeddedCsms> StartAsync(string url, IEnumerable<string> idTags, IReadOnlyDictionary<string, string?> settings, ILoggerProvider? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTags);
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = url,
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft"] = "Error",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCentralSystem([]);
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        if (log is not null)
        {
            builder.Logging.ClearProviders().AddProvider(log);
        }

        // The fleet owns the process: the Central System must not stop on SIGTERM or Ctrl+C by itself, before
        // the fleet has delivered its StopTransactions; it stops when the fleet disposes it.
        builder.Services.AddSingleton<IHostLifetime, FleetOwnedLifetime>();

        var app = builder.Build();
        app.UseCentralSystem();

        var tags = app.Services.GetRequiredService<IIdTagStore>();
        foreach (var tag in idTags)
        {
            if (tags.Find(tag) is null)
            {
                tags.Upsert(new IdTagRecord(tag, AuthorizationStatus.Accepted, null, null));
            }
        }

        await app.StartAsync(cancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Select(a => new Uri(a)).ToList() ?? [];
        var http = addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttp) ?? new Uri(url);
        var tls = addresses.FirstOrDefault(a => a.Scheme == Uri.UriSchemeHttps);
        return new EmbeddedCsms(app, http, tls);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    /// <summary>A host lifetime that leaves start and stop to the fleet rather than to console signals.</summary>
    private sealed class FleetOwnedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
