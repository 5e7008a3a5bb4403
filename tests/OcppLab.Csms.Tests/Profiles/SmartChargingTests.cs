using System.Net;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>Smart Charging (OCPP 1.6 §5.5, §5.7, §5.16; TC_056, TC_057, TC_059, TC_066, TC_067) through the operator API.</summary>
public sealed class SmartChargingTests
{
    [Test]
    public async Task An_accepted_TxDefaultProfile_is_stored_per_station_and_connector()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(1, "TxDefaultProfile", start: true, validity: true)));
        var (_, stored) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(stored.GetArrayLength(), Is.EqualTo(1));
        Assert.That(stored[0].GetProperty("connectorId").GetInt32(), Is.EqualTo(1));
        Assert.That(stored[0].GetProperty("profile").GetProperty("chargingProfilePurpose").GetString(), Is.EqualTo("TxDefaultProfile"));
    }

    [TestCase(ChargingProfileStatus.Rejected)]
    [TestCase(ChargingProfileStatus.NotSupported)]
    public async Task A_refused_profile_is_not_stored(ChargingProfileStatus answer)
    {
        var script = new StationScript().On<SetChargingProfileRequest, SetChargingProfileResponse>(_ => new() { Status = answer });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(0, Profile(1, "ChargePointMaxProfile", start: true)));
        var (_, stored) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
        Assert.That(stored.GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_TxProfile_goes_to_the_running_transaction_of_its_connector()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var started = await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow()));
        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(2, "TxProfile", kind: "Relative", transactionId: started.TransactionId)));
        var (_, stored) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(stored[0].GetProperty("profile").GetProperty("transactionId").GetInt32(), Is.EqualTo(started.TransactionId));
    }

    [TestCase(1, """{"purpose":"TxProfile","kind":"Relative"}""", "running transaction")]
    [TestCase(1, """{"purpose":"ChargePointMaxProfile","start":true}""", "ConnectorId 0")]
    [TestCase(0, """{"purpose":"TxDefaultProfile","start":true,"firstPeriod":60}""", "startPeriod 0")]
    [TestCase(0, """{"purpose":"TxDefaultProfile","kind":"Recurring","start":true}""", "recurrencyKind")]
    [TestCase(0, """{"purpose":"TxDefaultProfile","kind":"Absolute"}""", "startSchedule")]
    [TestCase(0, """{"purpose":"TxDefaultProfile","kind":"Relative","start":true}""", "Relative")]
    [TestCase(0, """{"purpose":"TxDefaultProfile","start":true,"transactionId":5}""", "transactionId")]
    [TestCase(-1, """{"purpose":"TxDefaultProfile","start":true}""", "connectorId")]
    public async Task A_profile_that_breaks_a_rule_is_a_400_that_names_the_rule(int connectorId, string shape, string rule)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();
        var s = JsonDocument.Parse(shape).RootElement;
        var profile = Profile(
            1,
            s.GetProperty("purpose").GetString()!,
            kind: s.TryGetProperty("kind", out var k) ? k.GetString()! : "Absolute",
            start: s.TryGetProperty("start", out _),
            transactionId: s.TryGetProperty("transactionId", out var t) ? t.GetInt32() : null,
            firstPeriod: s.TryGetProperty("firstPeriod", out var f) ? f.GetInt32() : 0);

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(connectorId, profile));

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(Api.Detail(problem), Does.Contain(rule));
        Assert.That(cp.Received, Is.Empty);
    }

    [Test]
    public async Task Clear_by_id_by_criteria_and_all_is_mirrored_in_the_store()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();
        var started = await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow()));

        // TC_067 (2025-11): ChargePointMaxProfile on 0, TxDefaultProfile and TxProfile on the connector, one stack level.
        await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(0, Profile(11, "ChargePointMaxProfile", start: true)));
        await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(12, "TxDefaultProfile", start: true)));
        await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(13, "TxProfile", start: true, transactionId: started.TransactionId)));
        var (_, byId) = await Api.DeleteAsync(http, "/api/charge-points/CP001/charging-profiles/11");
        var (_, byCriteria) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles/clear", """{"connectorId":1,"chargingProfilePurpose":"TxDefaultProfile","stackLevel":2}""");
        var (_, left) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");
        var (_, all) = await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles/clear", "{}");
        var (_, none) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(byId.GetProperty("removed").GetInt32(), Is.EqualTo(1));
        Assert.That(byCriteria.GetProperty("removed").GetInt32(), Is.EqualTo(1));
        Assert.That(left.EnumerateArray().Select(p => p.GetProperty("profile").GetProperty("chargingProfileId").GetInt32()), Is.EqualTo(new[] { 13 }));
        Assert.That(all.GetProperty("removed").GetInt32(), Is.EqualTo(1));
        Assert.That(none.GetArrayLength(), Is.Zero);
        Assert.That(cp.Received.Count(r => r.Action == "ClearChargingProfile"), Is.EqualTo(3));
    }

    [Test]
    public async Task Clear_answered_Unknown_leaves_the_store_alone()
    {
        var script = new StationScript().On<ClearChargingProfileRequest, ClearChargingProfileResponse>(_ => new() { Status = ClearChargingProfileStatus.Unknown });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(12, "TxDefaultProfile", start: true)));
        var (_, cleared) = await Api.DeleteAsync(http, "/api/charge-points/CP001/charging-profiles/12");
        var (_, left) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(cleared.GetProperty("status").GetString(), Is.EqualTo("Unknown"));
        Assert.That(left.GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task The_stations_composite_schedule_comes_back_beside_the_Central_Systems_own()
    {
        var script = new StationScript().On<GetCompositeScheduleRequest, GetCompositeScheduleResponse>(r => new()
        {
            Status = GetCompositeScheduleStatus.Accepted,
            ConnectorId = r.ConnectorId,
            ScheduleStart = DateTimeOffset.UtcNow,
            ChargingSchedule = new ChargingSchedule
            {
                Duration = r.Duration,
                ChargingRateUnit = ChargingRateUnitType.A,
                ChargingSchedulePeriod = [new ChargingSchedulePeriod { StartPeriod = 0, Limit = 6.0m }],
            },
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/charging-profiles", Set(1, Profile(12, "TxDefaultProfile", start: true)));
        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/composite-schedule", """{"connectorId":1,"duration":3600,"chargingRateUnit":"A"}""");
        var (_, computed) = await Api.GetAsync(http, "/api/charge-points/CP001/composite-schedule?connectorId=1&duration=3600&chargingRateUnit=W");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("station").GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(body.GetProperty("computed").GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal(), Is.EqualTo(6.0m));
        Assert.That(computed.GetProperty("chargingSchedulePeriod")[0].GetProperty("limit").GetDecimal(), Is.EqualTo(4140m));
    }

    [Test]
    public async Task A_Rejected_composite_schedule_is_returned_as_the_station_said()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (_, body) = await Api.PostAsync(http, "/api/charge-points/CP001/composite-schedule", """{"connectorId":9,"duration":600}""");

        Assert.That(body.GetProperty("station").GetProperty("status").GetString(), Is.EqualTo("Rejected"));
    }

    [Test]
    public async Task Remote_start_with_a_charging_profile_stores_it_as_the_new_transactions_TxProfile()
    {
        RemoteStartTransactionRequest? sent = null;
        var script = new StationScript().On<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((cp, r) =>
        {
            sent = r;
            _ = Task.Run(() => cp.CallAsync(Requests.Start(1, r.IdTag, DateTimeOffset.UtcNow)));
            return new() { Status = RemoteStartStopStatus.Accepted };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/remote-start", $$"""{"connectorId":1,"idTag":"VALID001","chargingProfile":{{Profile(21, "TxProfile", kind: "Relative")}}}""");
        var (_, stored) = await Api.GetAsync(http, "/api/charge-points/CP001/charging-profiles");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(sent!.ChargingProfile!.TransactionId, Is.Null);
        Assert.That(stored[0].GetProperty("profile").GetProperty("transactionId").GetInt32(), Is.EqualTo(body.GetProperty("transactionId").GetInt32()));
    }

    [Test]
    public async Task Remote_start_with_a_profile_that_is_not_a_TxProfile_is_a_400()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/remote-start", $$"""{"connectorId":1,"idTag":"VALID001","chargingProfile":{{Profile(21, "TxDefaultProfile", start: true)}}}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.Detail(problem), Does.Contain("TxProfile"));
    }

    private static string Set(int connectorId, string profile) => $$"""{"connectorId":{{connectorId}},"csChargingProfiles":{{profile}}}""";

    private static string Profile(int id, string purpose, string kind = "Absolute", bool start = false, bool validity = false, int? transactionId = null, int firstPeriod = 0)
    {
        var parts = new List<string>
        {
            $"\"chargingProfileId\":{id}",
            "\"stackLevel\":2",
            $"\"chargingProfilePurpose\":\"{purpose}\"",
            $"\"chargingProfileKind\":\"{kind}\"",
        };
        if (transactionId is { } tx)
        {
            parts.Add($"\"transactionId\":{tx}");
        }

        if (validity)
        {
            parts.Add("\"validFrom\":\"2026-03-01T00:00:00Z\",\"validTo\":\"2026-04-01T00:00:00Z\"");
        }

        var schedule = $$"""{"duration":3600,{{(start ? "\"startSchedule\":\"2026-03-01T07:30:00Z\"," : "")}}"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":{{firstPeriod}},"limit":6.0,"numberPhases":3}]}""";
        parts.Add($"\"chargingSchedule\":{schedule}");
        return "{" + string.Join(",", parts) + "}";
    }
}
