using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Our own Central System, hosted in process on the in-memory test server (no port, no TLS) and on
/// virtual time, so that a case that waits on time (a reservation expiring) advances the clock instead of sleeping.
/// <paramref name="replace"/> swaps services of the host: the broken test doubles are built that way.
/// </summary>
public sealed partial class EmbeddedCsmsTarget(string description = "embedded CSMS (in process)", Action<IServiceCollection>? replace = null) : CsmsTarget
{
    private readonly Host host = new(replace);
    private HttpClient? operatorClient;

    public override string Description { get; } = description;

    public FakeTimeProvider Time => host.Time;

    public override TimeProvider Clock => host.Time;

    public override HttpClient? Operator => operatorClient ??= host.CreateClient();

    /// <summary>The in-memory host has no TLS.</summary>
    public override Uri? TlsBaseUri => null;

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
        await host.DisposeAsync();
        await base.DisposeAsync();
    }

    [GeneratedRegex(@"status code:?\s*(\d{3})", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCode();

    private sealed class Host(Action<IServiceCollection>? replace) : WebApplicationFactory<Program>
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
            }));
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<TimeProvider>(Time);
                replace?.Invoke(services);
            });
        }
    }
}
