using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.Interop;

/// <summary>
/// An independent OCPP 1.6 stack (ocpp-rpc in strict mode, validating every message against the official
/// JSON schemas) plays the charge point against our Central System over a real loopback socket.
/// </summary>
[Category("Interop")]
public sealed class OcppRpcChargePointTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    public async Task A_strict_ocpp_rpc_charge_point_completes_a_Core_session_and_answers_every_Core_operation_without_a_schema_failure()
    {
        await using var csms = new CsmsFactory(kestrel: true);
        var url = csms.OcppBaseUri.ToString().TrimEnd('/');
        await using var peer = await NodePeer.StartAsync("charge-point.mjs", "--url", url, "--id", "RPC-CP-01", "--script", "core-session", "--serve-seconds", "120");
        await peer.WaitForAsync(e => IsEvent(e, "call") && Action(e) == "FirmwareStatusNotification", Patience, "the end of its Core session");
        using var http = new HttpClient { BaseAddress = csms.HttpBaseUri };

        var answers = new Dictionary<string, HttpStatusCode>();
        foreach (var (action, payload) in CoreOperations)
        {
            using var response = await http.PostAsync($"/api/charge-points/RPC-CP-01/calls/{action}", new StringContent(payload, Encoding.UTF8, "application/json"));
            answers[action] = response.StatusCode;
        }

        var started = await WaitForRemoteStartedTransactionAsync(http);
        using var stop = await http.PostAsync("/api/charge-points/RPC-CP-01/calls/RemoteStopTransaction", new StringContent($$"""{"transactionId":{{started}}}""", Encoding.UTF8, "application/json"));
        var stopped = await http.PostAsync("/api/charge-points/RPC-CP-01/calls/GetConfiguration", new StringContent("{}", Encoding.UTF8, "application/json"));
        var exit = await peer.QuitAsync(Patience);
        var summary = peer.Seen.Last(e => IsEvent(e, "summary"));

        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.All.Matches<KeyValuePair<string, HttpStatusCode>>(a => a.Value == HttpStatusCode.OK), string.Join(", ", answers));
            Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stopped.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(summary.GetProperty("errors").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(summary.GetProperty("schemaFailures").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(exit, Is.Zero, Errors(peer));
        });
        stopped.Dispose();
    }

    [Test]
    public async Task The_ocpp_rpc_session_leaves_a_complete_transaction_in_the_Central_System()
    {
        await using var csms = new CsmsFactory(kestrel: true);
        var url = csms.OcppBaseUri.ToString().TrimEnd('/');
        await using var peer = await NodePeer.StartAsync("charge-point.mjs", "--url", url, "--id", "RPC-CP-02", "--script", "core-session");
        var exit = await peer.WaitForExitAsync(Patience);
        using var http = new HttpClient { BaseAddress = csms.HttpBaseUri };

        var transactions = await http.GetFromJsonAsync<JsonElement>("/api/transactions?chargePointId=RPC-CP-02");
        var transaction = transactions.GetProperty("items")[0];

        Assert.That(exit, Is.Zero, Errors(peer));
        Assert.That(transaction.GetProperty("active").GetBoolean(), Is.False);
        Assert.That(transaction.GetProperty("stopReason").GetString(), Is.EqualTo("Local"));
        Assert.That(transaction.GetProperty("meterValueCount").GetInt32(), Is.GreaterThan(0));
    }

    private static readonly (string Action, string Payload)[] CoreOperations =
    [
        ("GetConfiguration", """{"key":["HeartbeatInterval","NoSuchKey"]}"""),
        ("ChangeConfiguration", """{"key":"MeterValueSampleInterval","value":"60"}"""),
        ("ChangeConfiguration", """{"key":"SomeVendorKey","value":"x"}"""),
        ("ClearCache", "{}"),
        ("DataTransfer", """{"vendorId":"OcppLab","messageId":"Ping"}"""),
        ("UnlockConnector", """{"connectorId":2}"""),
        ("ChangeAvailability", """{"connectorId":2,"type":"Inoperative"}"""),
        ("ChangeAvailability", """{"connectorId":2,"type":"Operative"}"""),
        ("RemoteStopTransaction", """{"transactionId":424242}"""),
        ("Reset", """{"type":"Soft"}"""),
        ("RemoteStartTransaction", """{"connectorId":1,"idTag":"VALID001"}"""),
    ];

    private static async Task<int> WaitForRemoteStartedTransactionAsync(HttpClient http)
    {
        using var deadline = new CancellationTokenSource(Patience);
        while (true)
        {
            var running = await http.GetFromJsonAsync<JsonElement>("/api/transactions?chargePointId=RPC-CP-01&active=true", deadline.Token);
            if (running.GetProperty("total").GetInt32() > 0)
            {
                return running.GetProperty("items")[0].GetProperty("transactionId").GetInt32();
            }

            await Task.Delay(20, deadline.Token);
        }
    }

    private static bool IsEvent(JsonElement e, string name) => e.TryGetProperty("event", out var v) && v.GetString() == name;

    private static string? Action(JsonElement e) => e.TryGetProperty("action", out var v) ? v.GetString() : null;

    private static string Errors(NodePeer peer) =>
        string.Join('\n', peer.Seen.Where(e => IsEvent(e, "error"))) + "\n" + peer.Log;
}
