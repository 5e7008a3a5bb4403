using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms;

namespace OcppLab.Conformance.Tool.Tests;

/// <summary>
/// Our Central System on a real loopback port, as a user runs it for the tool: station OCPPLAB-CP01 registered on
/// Security Profile 1 with its password, unknown stations rejected.
/// </summary>
internal sealed class CentralSystemOnLoopback : IAsyncDisposable
{
    public const string ChargePointId = "OCPPLAB-CP01";
    public const string Password = "OcppLabSecret0001";

    private readonly WebApplication app;

    private CentralSystemOnLoopback(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    /// <summary>http://127.0.0.1:port/ (the operator contract's base).</summary>
    public Uri Address { get; }

    /// <summary>ws://127.0.0.1:port/ocpp/ (the lab appends the charge point id).</summary>
    public Uri OcppUrl => new UriBuilder(Address) { Scheme = "ws", Path = "/ocpp/" }.Uri;

    public static async Task<CentralSystemOnLoopback> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Csms:ChargePoints:0:Id"] = ChargePointId,
            ["Csms:ChargePoints:0:SecurityProfile"] = "1",
            ["Csms:ChargePoints:0:AuthorizationKey"] = Password,
            ["Csms:UnknownChargePoints"] = "Rejected",
        });
        builder.AddCentralSystem([]);
        var app = builder.Build();
        app.UseCentralSystem();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new CentralSystemOnLoopback(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
