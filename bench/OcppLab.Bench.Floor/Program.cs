using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OcppLab.Bench.Floor;

// usage: OcppLab.Bench.Floor [--port 0] [--heartbeat-interval 300]
// stdout follows bench/peers/ocpp-rpc-csms.mjs, so the scripts drive both the same way: one line
// {"event":"listening","port":N,"pid":P} once it accepts, then on SIGUSR2 {"event":"stats","connected":N,...}.
var port = 0;
var heartbeatInterval = 300;
for (var i = 0; i < args.Length; i += 2)
{
    var value = -1;
    var ok = i + 1 < args.Length && int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out value) && value >= 0;
    switch (ok ? args[i] : null)
    {
        case "--port":
            port = value;
            break;
        case "--heartbeat-interval":
            heartbeatInterval = value;
            break;
        default:
            await Console.Error.WriteLineAsync($"bad argument '{args[i]}'; usage: OcppLab.Bench.Floor [--port N] [--heartbeat-interval S]");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var app = builder.Build();
var stats = new FloorStats();
app.UseWebSockets();
app.Map("/ocpp/{chargePointId}", async context =>
{
    if (!context.WebSockets.IsWebSocketRequest || !context.WebSockets.WebSocketRequestedProtocols.Contains(FloorAnswers.SubProtocol))
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        return;
    }

    using var socket = await context.WebSockets.AcceptWebSocketAsync(FloorAnswers.SubProtocol);
    stats.Connected();
    try
    {
        await FloorAnswers.ServeAsync(socket, heartbeatInterval, stats, context.RequestAborted);
    }
    finally
    {
        stats.Disconnected();
    }
});

// SIGUSR2 (12 on Linux) prints the counters; cancelling keeps its default action (terminate) from running.
using var usr2 = PosixSignalRegistration.Create((PosixSignal)12, signal =>
{
    signal.Cancel = true;
    Console.Out.WriteLine(stats.ToJson());
});
await app.StartAsync();
var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
Console.Out.WriteLine(JsonSerializer.Serialize(new { @event = "listening", port = bound, pid = Environment.ProcessId }));
await app.WaitForShutdownAsync();
return 0;
