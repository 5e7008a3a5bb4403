using System.Net;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.Interop;

/// <summary>
/// The strict ocpp-rpc charge point (validating every message against the official 1.6 schemas) receives
/// every Central-System-initiated action of the optional profiles through the typed operator endpoints.
/// </summary>
[Category("Interop")]
public sealed class OcppRpcOptionalProfilesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly (string Path, string Body)[] Operations =
    [
        // Local Auth List Management
        ("local-list/version", ""),
        ("local-list", """{"updateType":"Full"}"""),
        ("local-list", """{"updateType":"Differential","idTags":["VALID001","MEMBER001"]}"""),

        // Reservation
        ("reservations", """{"connectorId":1,"idTag":"MEMBER001","expiresInSeconds":600,"reservationId":41}"""),
        ("reservations", """{"connectorId":0,"idTag":"VALID002","expiresInSeconds":600}"""),

        // Remote Trigger
        ("trigger-message", """{"requestedMessage":"BootNotification"}"""),
        ("trigger-message", """{"requestedMessage":"DiagnosticsStatusNotification"}"""),
        ("trigger-message", """{"requestedMessage":"FirmwareStatusNotification"}"""),
        ("trigger-message", """{"requestedMessage":"Heartbeat"}"""),
        ("trigger-message", """{"requestedMessage":"MeterValues","connectorId":1}"""),
        ("trigger-message", """{"requestedMessage":"StatusNotification","connectorId":2}"""),
        ("trigger-message", """{"requestedMessage":"MeterValues","connectorId":3}"""),

        // Smart Charging
        ("charging-profiles", """{"connectorId":0,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"ChargePointMaxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"startSchedule":"2026-03-01T00:00:00Z","chargingRateUnit":"W","chargingSchedulePeriod":[{"startPeriod":0,"limit":22000.0}]}}}"""),
        ("charging-profiles", """{"connectorId":1,"csChargingProfiles":{"chargingProfileId":2,"stackLevel":1,"chargingProfilePurpose":"TxDefaultProfile","chargingProfileKind":"Recurring","recurrencyKind":"Daily","validFrom":"2026-03-01T00:00:00Z","validTo":"2027-03-01T00:00:00Z","chargingSchedule":{"duration":86400,"startSchedule":"2026-03-01T00:00:00Z","chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":16.0,"numberPhases":3},{"startPeriod":28800,"limit":6.0}]}}}"""),
        ("composite-schedule", """{"connectorId":1,"duration":3600,"chargingRateUnit":"A"}"""),
        ("charging-profiles/clear", """{"id":1}"""),
        ("charging-profiles/clear", """{"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":1}"""),
        ("charging-profiles/clear", ""),

        // Firmware Management
        ("update-firmware", """{"firmware":"cp-2.0.bin","retries":1,"retryInterval":30}"""),
        ("get-diagnostics", """{"retries":1,"startTime":"2026-03-01T00:00:00Z","stopTime":"2026-03-01T08:00:00Z"}"""),
    ];

    [Test]
    public async Task A_strict_ocpp_rpc_charge_point_answers_every_optional_profile_action_without_a_schema_failure()
    {
        await using var csms = new CsmsFactory(kestrel: true);
        var url = csms.OcppBaseUri.ToString().TrimEnd('/');
        await using var peer = await NodePeer.StartAsync("charge-point.mjs", "--url", url, "--id", "RPC-CP-03", "--script", "boot", "--serve-seconds", "120");
        await peer.WaitForAsync(e => IsEvent(e, "ready"), Patience, "its BootNotification");
        using var http = new HttpClient { BaseAddress = csms.HttpBaseUri };

        var answers = new List<string>();
        foreach (var (path, body) in Operations)
        {
            using var response = await http.PostAsync($"/api/charge-points/RPC-CP-03/{path}", new StringContent(body, Encoding.UTF8, "application/json"));
            var text = await response.Content.ReadAsStringAsync();
            answers.Add($"{path} {body}: {(int)response.StatusCode} {text}");
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), answers[^1]);
        }

        using var cancel = await http.DeleteAsync("/api/charge-points/RPC-CP-03/reservations/41");
        using var cancelUnknown = await http.DeleteAsync("/api/charge-points/RPC-CP-03/reservations/999");
        var exit = await peer.QuitAsync(Patience);
        var summary = peer.Seen.Last(e => IsEvent(e, "summary"));
        var received = peer.Seen.Where(e => IsEvent(e, "received")).Select(e => e.GetProperty("action").GetString()).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(cancel.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(cancelUnknown.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(received, Is.SupersetOf(new[]
            {
                "GetConfiguration", "GetLocalListVersion", "SendLocalList", "ReserveNow", "CancelReservation", "TriggerMessage",
                "SetChargingProfile", "GetCompositeSchedule", "ClearChargingProfile", "UpdateFirmware", "GetDiagnostics",
            }));
            Assert.That(summary.GetProperty("schemaFailures").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(summary.GetProperty("errors").GetInt32(), Is.Zero, Errors(peer));
            Assert.That(exit, Is.Zero, Errors(peer));
        });
    }

    private static bool IsEvent(JsonElement e, string name) => e.TryGetProperty("event", out var v) && v.GetString() == name;

    private static string Errors(NodePeer peer) =>
        string.Join('\n', peer.Seen.Where(e => IsEvent(e, "error"))) + "\n" + peer.Log;
}
