using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using OcppLab.Bench.Floor;

// usage: OcppLab.Bench.Floor [--port 0] [--heartbeat-interval 300] [--host 127.0.0.1]
// --host picks the loopback address to listen on (127.0.0.0/8 only): a fleet of more than one ephemeral port
// range of stations spreads over floors on several addresses (bench/fleet-scale.sh).
// stdout follows bench/peers/ocpp-rpc-csms.mjs, so the scripts drive both the same way: one line
// {"event":"listening","port":N,"pid":P} once it accepts, then on SIGUSR2 {"event":"stats","connected":N,...}.
var port = 0;
var heartbeatInterval = 300;
var host = "127.0.0.1";
for (var i = 0; i < args.Length; i += 2)
{
    if (args[i] == "--host" && i + 1 < args.Length)
    {
        if (!System.Net.IPAddress.TryParse(args[i + 1], out var address) || !System.Net.IPAddress.IsLoopback(address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            await Console.Error.WriteLineAsync($"--host '{args[i + 1]}' is not an address in 127.0.0.0/8");
            return 2;
        }

        host = args[i + 1];
        continue;
    }

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
            await Console.Error.WriteLineAsync($"bad argument '{args[i]}'; usage: OcppLab.Bench.Floor [--port N] [--heartbeat-interval S] [--host 127.0.0.X]");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls($"http://{host}:{port}");
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
