using System.Text.Json;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Transport;
using OcppLab.Tests.Shared;

namespace OcppLab.Simulator.Tests.Interop;

/// <summary>
/// An independent OCPP 1.6 stack (ocpp-rpc in strict mode, validating every message against the official
/// JSON schemas) plays the Central System and sends every Central-System-initiated action of Core,
/// Firmware Management, Local Auth List, Reservation, Smart Charging and Remote Trigger to our virtual
/// charge point over a real loopback socket.
/// </summary>
[Category("Interop")]
public sealed class OcppRpcCentralSystemTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Test]
    public async Task The_virtual_charge_point_answers_every_action_of_a_strict_ocpp_rpc_Central_System_without_a_schema_failure()
    {
        await using var peer = await NodePeer.StartAsync("central-system.mjs", "--port", "0", "--script", "all-actions", "--timeout-seconds", "80");
        var listening = await peer.WaitForAsync(e => Event(e) == "listening", Patience, "its port");
        var url = new Uri($"ws://127.0.0.1:{listening.GetProperty("port").GetInt32()}");
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = url }, WebSocketFactory.Client("SIM-RPC-01", (string?)null, () => TimeSpan.Zero));
        await using var chargePoint = new VirtualChargePoint("SIM-RPC-01", new ChargePointTemplate(), connector, TimeProvider.System);

        chargePoint.PowerOn();
        var exit = await peer.WaitForExitAsync(Patience);
        var summary = peer.Seen.Last(e => Event(e) == "summary");
        var answers = peer.Seen.Where(e => Event(e) == "call" && e.TryGetProperty("response", out _))
            .GroupBy(e => e.GetProperty("action").GetString()!)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("response"));

        Assert.Multiple(() =>
        {
            Assert.That(summary.GetProperty("errors").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(summary.GetProperty("schemaFailures").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(exit, Is.Zero, Errors(peer));
            Assert.That(answers.Keys, Is.SupersetOf(new[]
            {
                "ChangeAvailability", "ChangeConfiguration", "ClearCache", "GetConfiguration", "RemoteStartTransaction",
                "RemoteStopTransaction", "Reset", "UnlockConnector", "GetDiagnostics", "UpdateFirmware", "GetLocalListVersion",
                "SendLocalList", "ReserveNow", "CancelReservation", "SetChargingProfile", "GetCompositeSchedule",
                "ClearChargingProfile", "TriggerMessage",
            }));
            Assert.That(answers["RemoteStartTransaction"].GetProperty("status").GetString(), Is.EqualTo("Accepted"));
            Assert.That(answers["GetConfiguration"].GetProperty("configurationKey").EnumerateArray().Select(k => k.GetProperty("key").GetString()), Does.Contain("HeartbeatInterval"));
            Assert.That(answers["GetLocalListVersion"].GetProperty("listVersion").GetInt32(), Is.GreaterThanOrEqualTo(0));
        });
    }

    private static string? Event(JsonElement e) => e.TryGetProperty("event", out var v) ? v.GetString() : null;

    private static string Errors(NodePeer peer) =>
        string.Join('\n', peer.Seen.Where(e => Event(e) == "error")) + "\n" + peer.Log;
}
