using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>
/// A loopback TLS listener (Kestrel) that takes any client certificate (or, given a client root, only one that
/// chains to it through what the client sent), records what each upgrade to
/// <c>/ocpp/{id}</c> carried (TLS version, Authorization header, client certificate, subprotocol), accepts it
/// with <c>ocpp1.6</c> and closes it: what a charge point presents, seen from the server.
/// </summary>
internal sealed class TlsTestServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<Handshake> seen = [];

    private TlsTestServer(WebApplication app) => this.app = app;

    /// <summary>The base URL as a charge point is configured with it, ws:// (profiles 2 and 3 make it wss://).</summary>
    public Uri OcppUrl { get; private set; } = new("ws://127.0.0.1/ocpp");

    /// <summary>Every upgrade request that got through the TLS handshake, in order.</summary>
    public IReadOnlyList<Handshake> Seen
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    public static async Task<TlsTestServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2? clientRoot = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateMode = clientRoot is null ? ClientCertificateMode.AllowCertificate : ClientCertificateMode.RequireCertificate,
            // Only what the client sent (SslStream puts it in the chain's extra store) may fill the gap to the root.
            ClientCertificateValidation = (certificate, chain, _) => clientRoot is null
                || CertificateChecks.ChainsTo(certificate, chain?.ChainPolicy.ExtraStore ?? [], [clientRoot], DateTimeOffset.UtcNow),
            SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
        })));
        var server = new TlsTestServer(builder.Build());
        server.app.UseWebSockets();
        server.app.Map("/ocpp/{id}", server.AcceptAsync);
        await server.app.StartAsync();
        var port = new Uri(server.app.Urls.First()).Port.ToString(CultureInfo.InvariantCulture);
        server.OcppUrl = new Uri($"ws://127.0.0.1:{port}/ocpp");
        return server;
    }

    /// <summary>The endpoint of <paramref name="chargePointId"/>.</summary>
    public Uri Url(string chargePointId) => new($"{OcppUrl}/{chargePointId}");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task AcceptAsync(HttpContext context, string id)
    {
        var tls = context.Features.Get<ITlsHandshakeFeature>();
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        lock (seen)
        {
            seen.Add(new Handshake(id, tls?.Protocol ?? SslProtocols.None, context.Request.Headers.Authorization.FirstOrDefault(), context.Connection.ClientCertificate?.Subject, offered.FirstOrDefault()));
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(offered.Contains(WebSocketFactory.SubProtocol) ? WebSocketFactory.SubProtocol : null);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", context.RequestAborted);
    }

    /// <summary>What one upgrade request carried.</summary>
    internal sealed record Handshake(string ChargePointId, SslProtocols Protocol, string? Authorization, string? ClientSubject, string? SubProtocol);
}
