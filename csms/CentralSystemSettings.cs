using OcppLab.Csms.Configuration;

namespace OcppLab.Csms;

/// <summary>What the Central System's command line said, and the host it makes of it.</summary>
/// <param name="ConfigurationArguments">Configuration overrides as given (<c>--Csms:HeartbeatIntervalSeconds=60</c>).</param>
/// <param name="Urls">The <c>--urls</c> option.</param>
/// <param name="DataDirectory">The <c>--data-dir</c> option.</param>
/// <param name="DemoTls">The <c>--demo-tls</c> switch.</param>
/// <param name="Environment">The <c>--environment</c> option.</param>
/// <param name="Verbose">The <c>--verbose</c> switch.</param>
public sealed record CentralSystemSettings(
    IReadOnlyList<string> ConfigurationArguments,
    string? Urls = null,
    string? DataDirectory = null,
    bool DemoTls = false,
    string? Environment = null,
    bool Verbose = false)
{
    /// <summary>
    /// The Central System's host builder: ASP.NET Core's configuration sources (appsettings, environment,
    /// the overrides), then the options given, then the default address if none is configured.
    /// </summary>
    public WebApplicationBuilder CreateBuilder()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. ConfigurationArguments], EnvironmentName = Environment });
        var options = new Dictionary<string, string?>();
        if (Urls is not null)
        {
            options["urls"] = Urls;
        }

        if (DataDirectory is not null)
        {
            options["Csms:DataDirectory"] = DataDirectory;
        }

        if (DemoTls)
        {
            options["Csms:Security:DemoTls"] = "true";
        }

        builder.Configuration.AddInMemoryCollection(options);
        ServerAddress.ApplyDefault(builder.Configuration);
        if (!Verbose)
        {
            // The host logs a failed start with its stack trace before it rethrows; the command line says it in one line.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }

        builder.AddCentralSystem([]);
        return builder;
    }
}
