using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Security;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Our own Central System, hosted in process on the in-memory test server and on virtual time, so that a
/// case that waits on time (a reservation expiring) advances the clock instead of sleeping. Its wss://
/// endpoint (Security Profiles 2 and 3) is a loopback Kestrel listener with the CSMS's own TLS settings
/// and certificates (<see cref="CsmsTls"/>, issued by its throwaway CA) that hands each upgrade to the same
/// connection handler, so a station has one state whichever way it connects.
/// <paramref name="replace"/> swaps services of the host: the broken test doubles are built that way.
/// <paramref name="configuration"/> adds Central System settings; with <paramref name="provisionsSecurity"/> false the
/// lab leaves the stations' security as configured, the way a foreign CSMS is set up by hand.
/// </summary>
public sealed partial class EmbeddedCsmsTarget(
    string description = "embedded CSMS (in process)",
    Action<IServiceCollection>? replace = null,
    IReadOnlyDictionary<string, string?>? configuration = null,
    bool provisionsSecurity = true) : CsmsTarget
{
    private readonly Host host = new(replace, configuration);
    private readonly SemaphoreSlim tlsStart = new(1, 1);
    private HttpClient? operatorClient;
    private WebApplication? tlsFront;
    private Uri? tlsBaseUri;

    public override string Description { get; } = description;

    public FakeTimeProvider Time => host.Time;

    public override TimeProvider Clock => host.Time;

    public override HttpClient? Operator => operatorClient ??= host.CreateClient();

    /// <summary>The loopback wss:// endpoint, once <see cref="PrepareTlsAsync"/> started it.</summary>
    public override Uri? TlsBaseUri => tlsBaseUri;

    /// <summary>The lab trusts the embedded CSMS's CA, and only it.</summary>
    public override RemoteCertificateValidationCallback? ServerCertificateValidation => (_, certificate, _, _) =>
        certificate is not null && host.Services.GetRequiredService<CertificateAuthority>().Issued(new X509Certificate2(certificate));

    public override async Task PrepareTlsAsync(CancellationToken cancellationToken)
    {
        await tlsStart.WaitAsync(cancellationToken);
        try
        {
            if (tlsFront is not null)
            {
                return;
            }

            var material = host.Services.GetRequiredService<TlsMaterial>();
            var connections = host.Services.GetRequiredService<OcppConnectionHandler>();
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https => CsmsTls.Configure(https, material))));
            var front = builder.Build();
            front.UseWebSockets();
            front.Map(OcppEndpointRouteBuilderExtensions.PathPrefix + "/{chargePointId}", (HttpContext http, string chargePointId) => connections.HandleAsync(http, chargePointId));
            await front.StartAsync(cancellationToken);
            var port = new Uri(front.Urls.First()).Port;
            var hostName = material.ServerCertificate.GetNameInfo(X509NameType.SimpleName, false);
            tlsBaseUri = new Uri($"wss://{hostName}:{port.ToString(CultureInfo.InvariantCulture)}{OcppEndpointRouteBuilderExtensions.PathPrefix}/");
            tlsFront = front;
        }
        finally
        {
            tlsStart.Release();
        }
    }

    /// <summary>Sets the station's profile and password through the operator API (<c>PUT /api/charge-points/{id}/security</c>).</summary>
    public override async Task ProvisionSecurityAsync(string chargePointId, int securityProfile, string password, CancellationToken cancellationToken)
    {
        if (!provisionsSecurity)
        {
            return;
        }

        using var response = await Operator!.PutAsJsonAsync(
            $"/api/charge-points/{Uri.EscapeDataString(chargePointId)}/security",
            new { securityProfile, authorizationKey = password },
            cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A certificate from the CSMS's CA for <paramref name="key"/>, CN = the charge point identity.</summary>
    public override X509Certificate2? IssueClientCertificate(string chargePointId, ECDsa key)
    {
        var request = new CertificateRequest($"CN={chargePointId}", key, HashAlgorithmName.SHA256);
        var (chain, problem) = host.Services.GetRequiredService<CertificateAuthority>().Sign(request.CreateSigningRequestPem(), [chargePointId]);
        using var issued = X509Certificate2.CreateFromPem(chain ?? throw new InvalidOperationException(problem));
        return issued.CopyWithPrivateKey(key);
    }

    /// <summary>The host's services, for doubles that need to look inside.</summary>
    public IServiceProvider Services => host.Services;

    public override async Task<ConnectionAttempt> ConnectAsync(string chargePointId, IReadOnlyList<string> subprotocols, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subprotocols);
        var client = host.Server.CreateWebSocketClient();
        foreach (var protocol in subprotocols)
        {
            client.SubProtocols.Add(protocol);
        }

        if (authorization is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = authorization.ToString();
        }

        try
        {
            var socket = await client.ConnectAsync(new Uri(host.Server.BaseAddress, "/ocpp/" + Uri.EscapeDataString(chargePointId)), cancellationToken);
            return ConnectionAttempt.Open(socket);
        }
        catch (InvalidOperationException e)
        {
            // The test server reports a refused upgrade as "Incomplete handshake, status code: 400".
            var match = StatusCode().Match(e.Message);
            return ConnectionAttempt.Refused(match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null, e.Message);
        }
    }

    public override void AdvanceTime(TimeSpan by) => host.Time.Advance(by);

    public override async ValueTask DisposeAsync()
    {
        operatorClient?.Dispose();
        if (tlsFront is not null)
        {
            await tlsFront.StopAsync();
            await tlsFront.DisposeAsync();
        }

        tlsStart.Dispose();
        await host.DisposeAsync();
        await base.DisposeAsync();
    }

    [GeneratedRegex(@"status code:?\s*(\d{3})", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCode();

    private sealed class Host(Action<IServiceCollection>? replace, IReadOnlyDictionary<string, string?>? configuration) : WebApplicationFactory<Program>
    {
        public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
            {
                // The CSMS checks its own payloads too: a schema slip on its side shows up as its failure.
                ["Csms:ValidateOutgoing"] = "true",
                ["Logging:LogLevel:Default"] = "Warning",
            }).AddInMemoryCollection(configuration ?? new Dictionary<string, string?>()));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                replace?.Invoke(services);
            });
        }
    }
}
