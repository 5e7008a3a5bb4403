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
    /// <summary>
    /// The command line as configuration reads it: the lab's own switches become settings, so that a switch
    /// without a value (<c>--demo-tls</c>) does not swallow the option after it as its value, and
    /// <c>--data-dir PATH</c> means <c>Csms:DataDirectory</c>. Everything else passes through unchanged.
    /// </summary>
    public static string[] ConfigurationArguments(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new List<string>(args.Length);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (string.Equals(arg, CsmsSecurityExtensions.DemoTlsSwitch, StringComparison.Ordinal))
            {
                result.Add("--Csms:Security:DemoTls=true");
            }
            else if (string.Equals(arg, "--" + DurableStateExtensions.DataDirOption, StringComparison.Ordinal) && i + 1 < args.Length)
            {
                result.Add("--Csms:DataDirectory=" + args[++i]);
            }
            else if (arg.StartsWith("--" + DurableStateExtensions.DataDirOption + "=", StringComparison.Ordinal))
            {
                result.Add("--Csms:DataDirectory=" + arg[(DurableStateExtensions.DataDirOption.Length + 3)..]);
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
    }

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
