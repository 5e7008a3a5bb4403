using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Dashboard;
using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.Persistence;
using OcppLab.Csms.Security;

namespace OcppLab.Csms;

/// <summary>
/// The Central System's table of contents: its services and its request pipeline. <c>Program.cs</c> and
/// any host that embeds the Central System (the fleet) both use it, so they cannot drift apart.
/// </summary>
public static class CentralSystemApplication
{
    /// <summary>Registers the Central System, its operator API and its TLS listener (when configured).</summary>
    public static WebApplicationBuilder AddCentralSystem(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddCsms(builder.Configuration);
        builder.Services.AddOperatorApi();
        builder.AddCsmsTls(args);
        return builder;
    }

    /// <summary>The pipeline: WebSockets, security checks before the upgrade, the OCPP endpoint, the operator API, the dashboard.</summary>
    public static WebApplication UseCentralSystem(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(app.Services.GetRequiredService<IOptions<CsmsOptions>>().Value.ToWebSocketOptions());
        app.UseCsmsSecurity();
        app.UseOperatorApi();
        app.MapOcpp();
        app.MapOperatorApi();
        app.MapCsmsSecurity();
        app.MapDashboard();
        return app;
    }
}
