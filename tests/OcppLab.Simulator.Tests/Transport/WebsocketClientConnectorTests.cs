using System.Net.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OcppLab.ChargePoint.Transport;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Transport;

/// <summary>The charge point over a real WebSocket (Websocket.Client → Kestrel on 127.0.0.1).</summary>
public sealed class WebsocketClientConnectorTests
{
    private WebApplication? app;
    private ScriptedCentralSystem? centralSystem;
    private readonly List<(string Path, string? SubProtocol, string? Authorization)> handshakes = [];
    private TaskCompletionSource closedByPeer = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [SetUp]
    public async Task StartCentralSystem()
    {
        centralSystem = new ScriptedCentralSystem(TimeProvider.System);
        handshakes.Clear();
        closedByPeer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
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
            await WebSocketTransport.RunAsync(socket, centralSystem.Connect(id), context.RequestAborted);
            closedByPeer.TrySetResult();
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
        var settings = new ConnectionSettings { CentralSystemUrl = new Uri(app!.Urls.First().Replace("http", "ws", StringComparison.Ordinal) + "/ocpp"), BasicAuthPassword = "secret" };
        var connector = new WebsocketClientConnector(settings, WebSocketFactory.Client("CP001", settings.BasicAuthPassword, () => TimeSpan.FromSeconds(30)));
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
    public async Task Dropping_the_network_closes_the_socket_and_restoring_it_reconnects()
    {
        var settings = new ConnectionSettings { CentralSystemUrl = new Uri(app!.Urls.First().Replace("http", "ws", StringComparison.Ordinal) + "/ocpp") };
        var connector = new WebsocketClientConnector(settings, WebSocketFactory.Client("CP001", (string?)null, () => TimeSpan.Zero));
        await using var h = new ChargePointHarness(connector: connector, centralSystem: centralSystem);
        await h.BootAsync();

        h.ChargePoint.DropNetwork();
        await closedByPeer.Task.WaitAsync(TimeSpan.FromSeconds(10));
        h.ChargePoint.RestoreNetwork();
        await h.SettleAsync();
        var heartbeat = await centralSystem!.CallAsync(new OcppLab.Protocol.Messages.RemoteTrigger.TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat }).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(handshakes, Has.Count.EqualTo(2));
        Assert.That(heartbeat.Status, Is.EqualTo(TriggerMessageStatus.Accepted));
    }
}
