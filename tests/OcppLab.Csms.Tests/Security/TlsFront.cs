using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OcppLab.Csms.Connections;
using OcppLab.Csms.Security;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Security;

/// <summary>
/// A loopback wss:// listener with the Central System's own TLS settings (<see cref="CsmsTls"/>) that hands
/// each upgrade to the in-memory Central System's connection handler, as the conformance lab does.
/// </summary>
internal sealed class TlsFront : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CertificateAuthority authority;

    private TlsFront(WebApplication app, CertificateAuthority authority, Uri baseUri)
    {
        this.app = app;
        this.authority = authority;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<TlsFront> StartAsync(CsmsFactory csms)
    {
        var material = csms.Services.GetRequiredService<TlsMaterial>();
        var connections = csms.Services.GetRequiredService<OcppConnectionHandler>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https => CsmsTls.Configure(https, material))));
        var app = builder.Build();
        app.UseWebSockets();
        app.Map("/ocpp/{chargePointId}", (HttpContext http, string chargePointId) => connections.HandleAsync(http, chargePointId));
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port.ToString(CultureInfo.InvariantCulture);
        return new TlsFront(app, material.Authority, new Uri($"wss://localhost:{port}/ocpp/"));
    }

    /// <summary>Connects <paramref name="id"/>; the socket, or the HTTP status (null when TLS itself refused).</summary>
    public async Task<(WebSocket? Socket, int? Status)> TryAsync(string id, string? authorization = null, X509Certificate2? clientCertificate = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("ocpp1.6");
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, _) =>
            certificate is not null && authority.Issued(new X509Certificate2(certificate));
        if (authorization is not null)
        {
            socket.Options.SetRequestHeader("Authorization", authorization);
        }

        if (clientCertificate is not null)
        {
            socket.Options.ClientCertificates = [clientCertificate];
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(new Uri(BaseUri, Uri.EscapeDataString(id)), timeout.Token);
            return (socket, null);
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or System.Security.Authentication.AuthenticationException)
        {
            var status = socket.HttpStatusCode == 0 ? (int?)null : (int)socket.HttpStatusCode;
            socket.Dispose();
            return (null, status);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
