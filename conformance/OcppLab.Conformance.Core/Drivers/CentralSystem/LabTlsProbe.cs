using System.Buffers;
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
using OcppLab.ChargePoint.Transport;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>What OCTT sees of one TLS connection (TC_086, TC_087).</summary>
/// <param name="Protocol">The negotiated TLS version.</param>
/// <param name="OfferedCipherSuites">The cipher suites of the ClientHello, as their 16-bit ids.</param>
/// <param name="Authorization">The Authorization header of the upgrade request.</param>
/// <param name="ClientCertificate">The client certificate, or null.</param>
/// <param name="Path">The request path.</param>
public sealed record TlsHandshake(SslProtocols Protocol, IReadOnlyList<ushort> OfferedCipherSuites, string? Authorization, X509Certificate2? ClientCertificate, string Path);

/// <summary>
/// A real TLS WebSocket listener on 127.0.0.1 with a server certificate from the lab CA: the in-process
/// connection of the charge-point cases has no handshake, so TC_086/TC_087 open one more connection with
/// the charge point's own transport and its current credentials and look at the ClientHello and the upgrade.
/// </summary>
public sealed class LabTlsProbe : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly List<TlsHandshake> handshakes = [];
    private readonly Dictionary<string, ushort[]> hellos = new(StringComparer.Ordinal);

    private LabTlsProbe(X509Certificate2 serverCertificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(new HttpsConnectionAdapterOptions
        {
            ServerCertificate = serverCertificate,
            ClientCertificateMode = ClientCertificateMode.AllowCertificate,
            ClientCertificateValidation = (_, _, _) => true,
            TlsClientHelloBytesCallback = (connection, bytes) =>
            {
                lock (hellos)
                {
                    hellos[connection.ConnectionId] = CipherSuites(bytes.ToArray());
                }
            },
        })));
        app = builder.Build();
        app.UseWebSockets();
        app.Map("/ocpp/{id}", async (HttpContext context) =>
        {
            var tls = context.Features.Get<ITlsHandshakeFeature>();
            ushort[]? offered;
            lock (hellos)
            {
                offered = hellos.GetValueOrDefault(context.Connection.Id);
            }

            lock (handshakes)
            {
                handshakes.Add(new TlsHandshake(tls?.Protocol ?? SslProtocols.None, offered ?? [], context.Request.Headers.Authorization.FirstOrDefault(), context.Connection.ClientCertificate, context.Request.Path));
            }

            var protocols = context.WebSockets.WebSocketRequestedProtocols;
            using var socket = await context.WebSockets.AcceptWebSocketAsync(protocols.Contains(WebSocketFactory.SubProtocol) ? WebSocketFactory.SubProtocol : null);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "probe done", context.RequestAborted);
        });
    }

    public IReadOnlyList<TlsHandshake> Handshakes
    {
        get
        {
            lock (handshakes)
            {
                return [.. handshakes];
            }
        }
    }

    public static async Task<LabTlsProbe> StartAsync(X509Certificate2 serverCertificate)
    {
        var probe = new LabTlsProbe(serverCertificate);
        await probe.app.StartAsync();
        return probe;
    }

    /// <summary>The connection URL as the charge point is configured with it (ws; its profile makes it wss).</summary>
    public Uri Url(string chargePointId) => new($"ws://127.0.0.1:{new Uri(app.Urls.First()).Port}/ocpp/{chargePointId}");

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    /// <summary>The cipher_suites of a ClientHello (RFC 8446 §4.1.2), after the record and handshake headers.</summary>
    private static ushort[] CipherSuites(byte[] hello)
    {
        var at = hello.Length > 0 && hello[0] == 0x16 ? 5 : 0; // TLS record header
        at += 4 + 2 + 32; // handshake header, legacy_version, random
        if (at >= hello.Length)
        {
            return [];
        }

        at += 1 + hello[at]; // legacy_session_id
        if (at + 2 > hello.Length)
        {
            return [];
        }

        var length = (hello[at] << 8) | hello[at + 1];
        at += 2;
        var suites = new List<ushort>();
        for (var i = 0; i + 1 < length && at + i + 1 < hello.Length; i += 2)
        {
            suites.Add((ushort)((hello[at + i] << 8) | hello[at + i + 1]));
        }

        return [.. suites];
    }
}
