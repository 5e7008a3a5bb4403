namespace OcppLab.Csms.Configuration;

/// <summary>
/// Where the Central System listens when nobody said: 127.0.0.1:8180. Any of ASP.NET Core's own ways to
/// set the address (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>HTTP_PORTS</c>/<c>HTTPS_PORTS</c>, a
/// <c>Kestrel:Endpoints</c> section) wins over the default, which therefore lives in code rather than in
/// appsettings.json, where it would override the environment.
/// </summary>
public static class ServerAddress
{
    /// <summary>The address used when nothing else is configured.</summary>
    public const string Default = "http://127.0.0.1:8180";

    /// <summary>Sets <c>urls</c> to <see cref="Default"/> unless <paramref name="configuration"/> names an address some other way.</summary>
    public static void ApplyDefault(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();
        if (!configured)
        {
            configuration["urls"] = Default;
        }
    }
}
