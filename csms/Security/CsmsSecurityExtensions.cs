using Microsoft.Extensions.Options;
using OcppLab.Csms.Handlers.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Security;

/// <summary>Registers and wires the OCPP 1.6 Security Whitepaper (edition 3) part of the Central System.</summary>
public static class CsmsSecurityExtensions
{
    /// <summary>The command-line switch that makes a throwaway CA and server certificate and listens on wss:// too.</summary>
    public const string DemoTlsSwitch = "--demo-tls";

    /// <summary>The wss:// listener when none is configured.</summary>
    public const string DefaultTlsUrl = "https://localhost:8543";

    /// <summary>Adds the stations' security, the CA, the connection admission and the security handlers.</summary>
    public static IServiceCollection AddCsmsSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CsmsSecurityOptions>().Bind(configuration.GetSection("Csms"));
        services.AddSingleton<IStationSecurityStore, InMemoryStationSecurityStore>();
        services.AddSingleton<CertificateAuthority>();
        services.AddSingleton(sp => TlsMaterial.Create(sp.GetRequiredService<IOptions<CsmsSecurityOptions>>().Value.Security, sp.GetRequiredService<CertificateAuthority>()));
        services.AddSingleton<SecurityChangeAnswers>();
        services.AddSingleton<SecurityRecordStore>();
        services.AddSingleton<StationAdmission>();
        services.AddSingleton<SignCertificateHandler>();
        services.AddSingleton<SecurityEventNotificationHandler>();
        services.AddSingleton<LogStatusNotificationHandler>();
        services.AddSingleton<SignedFirmwareStatusNotificationHandler>();
        return services;
    }

    /// <summary>
    /// The security actions a charge point sends (Security Whitepaper ed. 3 §6.3), and the answer route through which
    /// an accepted AuthorizationKey or SecurityProfile change takes effect.
    /// </summary>
    public static OcppRouter<ChargePointSession> MapSecurity(this OcppRouter<ChargePointSession> router, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(router);
        return router
            .Map(services.GetRequiredService<SignCertificateHandler>())
            .Map(services.GetRequiredService<SecurityEventNotificationHandler>())
            .Map(services.GetRequiredService<LogStatusNotificationHandler>())
            .Map(services.GetRequiredService<SignedFirmwareStatusNotificationHandler>())
            .MapAnswer(services.GetRequiredService<SecurityChangeAnswers>());
    }

    /// <summary>
    /// Adds the wss:// listener (Security Profiles 2 and 3) when <c>Csms:Security:TlsUrl</c> is set or
    /// <paramref name="args"/> has <see cref="DemoTlsSwitch"/>; the http:// listeners stay as configured.
    /// </summary>
    public static WebApplicationBuilder AddCsmsTls(this WebApplicationBuilder builder, string[] args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var demo = args?.Contains(DemoTlsSwitch, StringComparer.Ordinal) == true || builder.Configuration.GetValue<bool>("Csms:Security:DemoTls");
        var tlsUrl = builder.Configuration["Csms:Security:TlsUrl"];
        if (!demo && string.IsNullOrEmpty(tlsUrl))
        {
            return builder;
        }

        tlsUrl = string.IsNullOrEmpty(tlsUrl) ? DefaultTlsUrl : tlsUrl;
        builder.Configuration["Csms:Security:TlsUrl"] = tlsUrl;
        builder.Configuration["Csms:Security:DemoTls"] = demo ? "true" : "false";
        var urls = builder.Configuration["urls"] ?? builder.Configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        builder.WebHost.UseUrls(urls + ";" + tlsUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            CsmsTls.Configure(https, kestrel.ApplicationServices.GetRequiredService<TlsMaterial>())));
        if (demo)
        {
            builder.Services.AddHostedService<DemoTlsAnnouncer>();
        }

        return builder;
    }

    /// <summary>Asks for the operator API key on non-loopback addresses.</summary>
    public static IApplicationBuilder UseCsmsSecurity(this IApplicationBuilder app) => app.UseMiddleware<OperatorApiKey>();
}
