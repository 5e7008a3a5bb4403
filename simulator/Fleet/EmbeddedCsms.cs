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
/// The lab's Central System started inside the fleet process, with the same registrations and pipeline as
/// <c>csms/Program.cs</c> (<see cref="CentralSystemApplication"/>), logging at Error so the live view stays readable, and
/// the fleet's cards added to its id tags so that every session is authorized.
/// </summary>
public sealed class EmbeddedCsms : IAsyncDisposable
{
    private readonly WebApplication app;

    private EmbeddedCsms(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The HTTP address it listens on (the dashboard and operator API).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OCPP endpoint's base URL for charge points.</summary>
    public Uri OcppUrl => new UriBuilder(BaseAddress) { Scheme = "ws", Path = OcppEndpointRouteBuilderExtensions.PathPrefix }.Uri;

    /// <summary>The Central System's services (its stores, for tests and reports).</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts the Central System on <paramref name="url"/> (port 0 picks a free one).</summary>
    public static async Task<EmbeddedCsms> StartAsync(string url, IEnumerable<string> idTags, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTags);
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
        builder.AddCentralSystem([]);
        builder.Logging.SetMinimumLevel(LogLevel.Error);

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
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? url;
        return new EmbeddedCsms(app, new Uri(address));
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
