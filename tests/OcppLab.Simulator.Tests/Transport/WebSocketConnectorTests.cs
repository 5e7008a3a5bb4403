using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using OcppLab.Simulator.Tests.Security;
using OcppLab.Simulator.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Simulator.Tests.Transport;

/// <summary>
/// The charge point over a real WebSocket: <see cref="WebSocketConnector"/> (the protocol's
/// <see cref="WebSocketTransport"/> over <see cref="WebSocketUpgrade"/>) against Kestrel on 127.0.0.1.
/// </summary>
public sealed class WebSocketConnectorTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(10);
    private WebApplication? app;
    private ScriptedCentralSystem? centralSystem;
    private readonly List<(string Path, string? SubProtocol, string? Authorization)> handshakes = [];
    private TaskCompletionSource<TransportEnd> closedByPeer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Uri OcppUrl => new(app!.Urls.First().Replace("http", "ws", StringComparison.Ordinal) + "/ocpp");

    [SetUp]
    public async Task StartCentralSystem()
    {
        centralSystem = new ScriptedCentralSystem(TimeProvider.System);
        handshakes.Clear();
        closedByPeer = new TaskCompletionSource<TransportEnd>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.UseWebSockets();
        app.Map("/ocpp/{id}", async (HttpContext context, string id) =>
        {
            var offered = context.WebSockets.WebSocketRequestedProtocols;
            lock (handshakes)
            {
                handshakes.Add((context.Request.Path, offered.FirstOrDefault(), context.Request.Headers.Authorization.FirstOrDefault()));
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync(offered.Contains(WebSocketFactory.SubProtocol) ? WebSocketFactory.SubProtocol : null);
            closedByPeer.TrySetResult(await WebSocketTransport.RunAsync(socket, centralSystem.Connect(id), context.RequestAborted));
        });
        await app.StartAsync();
    }

    [TearDown]
    public async Task StopCentralSystem()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public async Task The_charge_point_connects_with_the_ocpp_subprotocol_and_basic_auth_and_boots()
    {
        var settings = new ConnectionSettings { CentralSystemUrl = OcppUrl, BasicAuthPassword = "secret" };
        var connector = new WebSocketConnector(settings, WebSocketFactory.Client("CP001", settings.BasicAuthPassword, () => TimeSpan.FromSeconds(30)));
        await using var h = new ChargePointHarness(connector: connector, centralSystem: centralSystem);

        await h.BootAsync();

        Assert.Multiple(() =>
        {
            Assert.That(handshakes, Is.EqualTo(new[] { ("/ocpp/CP001", (string?)"ocpp1.6", (string?)WebSocketFactory.BasicAuthorization("CP001", "secret")) }));
            Assert.That(h.ChargePoint.Registration, Is.EqualTo(RegistrationStatus.Accepted));
            Assert.That(centralSystem!.All<StatusNotificationRequest>().Count(), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Dropping_the_network_closes_the_socket_with_the_close_handshake_and_restoring_it_reconnects()
    {
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = OcppUrl }, WebSocketFactory.Client("CP001", (string?)null, () => TimeSpan.Zero));
        await using var h = new ChargePointHarness(connector: connector, centralSystem: centralSystem);
        await h.BootAsync();

        h.ChargePoint.DropNetwork();
        var end = await closedByPeer.Task.WaitAsync(Limit);
        h.ChargePoint.RestoreNetwork();
        await h.SettleAsync();
        var heartbeat = await centralSystem!.CallAsync(new OcppLab.Protocol.Messages.RemoteTrigger.TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }).WaitAsync(Limit);

        // RFC 6455 §7.1.2: the Central System read a close frame with status 1000, not a dropped TCP connection.
        Assert.That((end.Reason, end.CloseStatus), Is.EqualTo((TransportEndReason.PeerClosed, (int?)1000)));
        Assert.That(handshakes, Has.Count.EqualTo(2));
        Assert.That(heartbeat.Status, Is.EqualTo(TriggerMessageStatus.Accepted));
    }

    [Test]
    public async Task A_frame_many_times_larger_than_the_first_receive_buffer_is_reassembled_and_answered()
    {
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = OcppUrl }, WebSocketFactory.Client("CP001", (string?)null, () => TimeSpan.Zero));
        await using var h = new ChargePointHarness(connector: connector, centralSystem: centralSystem);
        await h.BootAsync();

        // 100 KB: past the transport's first buffer and Websocket.Client's 16 KiB one; Kestrel sends it in several frames' worth of segments.
        var answer = await centralSystem!.CallAsync(new DataTransferRequest { VendorId = "SomeoneElse", MessageId = "Big", Data = new string('x', 100_000) }).WaitAsync(Limit);

        Assert.That(answer.Status, Is.EqualTo(DataTransferStatus.UnknownVendorId));
    }

    [Test]
    public async Task The_charge_point_closing_its_connection_sends_a_close_frame_and_the_connection_ends()
    {
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = OcppUrl }, WebSocketFactory.Client("CP-CLOSE", (string?)null, () => TimeSpan.Zero));
        await using var endpoint = new OcppRpcEndpoint("CP-CLOSE", new OcppRouter<object>().Bind(new object()));
        var connection = await connector.ConnectAsync("CP-CLOSE", endpoint, CancellationToken.None);

        await connection.CloseAsync(CancellationToken.None).WaitAsync(Limit);
        var end = await closedByPeer.Task.WaitAsync(Limit);
        await connection.DisposeAsync();

        Assert.That(connection.Closed.IsCompleted, Is.True);
        Assert.That((end.Reason, end.CloseStatus), Is.EqualTo((TransportEndReason.PeerClosed, (int?)1000)));
    }

    [Test]
    public async Task Over_wss_on_profile_3_the_connection_presents_the_client_certificate_and_ends_when_the_central_system_closes()
    {
        using var authority = TestCertificateAuthority.Create("Test Central System Root");
        await using var server = await TlsTestServer.StartAsync(authority.IssueServer());
        using var certificate = authority.IssueClient("CN=CP-TLS, O=OcppLab CPO");
        var security = new TransportSecurity(3, "CP-TLS", "unused-on-profile-3", [authority.Certificate], certificate);
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = server.OcppUrl }, SecureWebSocketFactory.Client(() => security, () => TimeSpan.Zero));
        await using var endpoint = new OcppRpcEndpoint("CP-TLS", new OcppRouter<object>().Bind(new object()));

        var connection = await connector.ConnectAsync("CP-TLS", endpoint, CancellationToken.None);
        await connection.Closed.WaitAsync(Limit);
        await connection.DisposeAsync();

        var handshake = server.Seen.Single();
        Assert.That(handshake.ClientSubject, Does.Contain("CN=CP-TLS"));
        Assert.That(handshake.Authorization, Is.Null);
        Assert.That(handshake.SubProtocol, Is.EqualTo(WebSocketFactory.SubProtocol));
        Assert.That(endpoint.IsClosed, Is.True);
    }
}
