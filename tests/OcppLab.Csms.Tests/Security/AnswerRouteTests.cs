using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Security;

/// <summary>
/// What a station accepted reaches the Central System's own state through the answer routes, whoever sent the CALL:
/// a new AuthorizationKey (with no polling: a reconnect that follows the answer at once is judged after it) and the
/// charging profiles set or cleared through the generic relay.
/// </summary>
public sealed class AnswerRouteTests
{
    private const string OldPassword = "OcppLabSecret0001";
    private const string NewPassword = "OcppLabSecret0002";

    [Test]
    public async Task A_new_AuthorizationKey_sent_through_the_relay_admits_a_reconnect_that_follows_the_answer_at_once()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:ChargePoints:0:Id"] = "CP001",
            ["Csms:ChargePoints:0:SecurityProfile"] = "1",
            ["Csms:ChargePoints:0:AuthorizationKey"] = OldPassword,
        });
        using var http = csms.CreateClient();
        var (old, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", OldPassword));
        using var oldSocket = old!;

        var change = http.PostAsync("/api/charge-points/CP001/calls/ChangeConfiguration", Json($$"""{"key":"AuthorizationKey","value":"{{Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword))}}"}"""));
        var call = await ReceiveAsync(oldSocket);
        await SendAsync(oldSocket, $$"""[3,"{{call[1].GetString()}}",{"status":"Accepted"}]""");

        // TC_073 step 2: the station reconnects with the new key at once, the old connection still open.
        var (renewed, status) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", NewPassword));
        using var open = renewed;
        using var answer = await change.WaitAsync(TimeSpan.FromSeconds(10));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(renewed, Is.Not.Null, $"refused with {status}");
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    [Test]
    public async Task A_profile_accepted_through_the_relay_is_in_the_Central_Systems_state_and_a_relayed_clear_removes_it()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        await using var station = await RawStation.ConnectAsync(csms, "SC001");
        const string Profile = """
            {"connectorId":0,"csChargingProfiles":{"chargingProfileId":42,"stackLevel":1,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute",
             "chargingSchedule":{"startSchedule":"2026-03-01T08:00:00.000Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0}]}}}
            """;

        var set = http.PostAsync("/api/charge-points/SC001/calls/SetChargingProfile", Json(Profile));
        await AnswerAsync(station, """{"status":"Accepted"}""");
        using (var response = await set.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var afterSet = await http.GetFromJsonAsync<JsonElement>("/api/charge-points/SC001/charging-profiles");
        var clear = http.PostAsync("/api/charge-points/SC001/calls/ClearChargingProfile", Json("""{"id":42}"""));
        await AnswerAsync(station, """{"status":"Accepted"}""");
        using (var response = await clear.WaitAsync(TimeSpan.FromSeconds(10)))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        var afterClear = await http.GetFromJsonAsync<JsonElement>("/api/charge-points/SC001/charging-profiles");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterSet.GetArrayLength(), Is.EqualTo(1));
            Assert.That(afterSet[0].GetProperty("profile").GetProperty("chargingProfileId").GetInt32(), Is.EqualTo(42));
            Assert.That(afterClear.GetArrayLength(), Is.Zero);
        }
    }

    [Test]
    public async Task A_profile_the_station_rejects_through_the_relay_is_not_recorded()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        await using var station = await RawStation.ConnectAsync(csms, "SC002");

        var set = http.PostAsync("/api/charge-points/SC002/calls/SetChargingProfile", Json("""
            {"connectorId":0,"csChargingProfiles":{"chargingProfileId":7,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Relative",
             "chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":11000.0}]}}}
            """));
        await AnswerAsync(station, """{"status":"Rejected"}""");
        using var response = await set.WaitAsync(TimeSpan.FromSeconds(10));
        var profiles = await http.GetFromJsonAsync<JsonElement>("/api/charge-points/SC002/charging-profiles");

        Assert.That(profiles.GetArrayLength(), Is.Zero);
    }

    private static async Task AnswerAsync(RawStation station, string payload)
    {
        var call = (await station.ReceiveAsync())!.Value;
        await station.SendTextAsync($$"""[3,"{{call[1].GetString()}}",{{payload}}]""");
    }

    private static async Task<JsonElement> ReceiveAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[16 * 1024];
        var result = await socket.ReceiveAsync(buffer.AsMemory(), timeout.Token);
        using var document = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
        return document.RootElement.Clone();
    }

    private static async Task SendAsync(WebSocket socket, string text)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, timeout.Token);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
}
