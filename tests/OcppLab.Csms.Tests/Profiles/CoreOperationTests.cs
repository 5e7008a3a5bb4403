using System.Net;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>The typed Core endpoints (OCPP 1.6 §5) against a scripted station over a WebSocket.</summary>
public sealed class CoreOperationTests
{
    [Test]
    public async Task Remote_start_returns_the_transactionId_once_the_stations_StartTransaction_arrives()
    {
        var script = new StationScript().On<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((cp, r) =>
        {
            _ = Task.Run(() => cp.CallAsync(Requests.Start(r.ConnectorId ?? 1, r.IdTag, DateTimeOffset.UtcNow)));
            return new() { Status = RemoteStartStopStatus.Accepted };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/remote-start", """{"connectorId":2,"idTag":"VALID001"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(body.GetProperty("transactionId").GetInt32(), Is.GreaterThan(0));
        Assert.That(body.GetProperty("connectorId").GetInt32(), Is.EqualTo(2));
    }

    [Test]
    public async Task Remote_start_without_a_StartTransaction_ends_with_a_clear_timeout_on_the_Central_Systems_clock()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:RemoteStartWaitSeconds"] = "60" });
        await using var cp = await ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var pending = Api.PostAsync(http, "/api/charge-points/CP001/remote-start", """{"idTag":"VALID001"}""");
        await Api.WaitForAnswerAsync(csms, "RemoteStartTransaction");
        csms.Time.Advance(TimeSpan.FromSeconds(61));
        var (status, problem) = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(status, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        Assert.That(problem.GetProperty("type").GetString(), Does.EndWith("no-transaction"));
        Assert.That(problem.GetProperty("answer").GetString(), Is.EqualTo("Accepted"));
        Assert.That(Api.Detail(problem), Does.Contain("VALID001").And.Contain("60 s"));
    }

    [Test]
    public async Task A_rejected_remote_start_returns_Rejected_without_waiting()
    {
        var script = new StationScript().On<RemoteStartTransactionRequest, RemoteStartTransactionResponse>(_ => new() { Status = RemoteStartStopStatus.Rejected });
        await using var csms = new CsmsFactory();
        await using var cp = await ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/remote-start", """{"idTag":"VALID001"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(body.TryGetProperty("transactionId", out _), Is.False);
    }

    [TestCase("/remote-start", """{"connectorId":0,"idTag":"VALID001"}""", "connectorId")]
    [TestCase("/remote-start", """{"connectorId":1}""", "idTag")]
    [TestCase("/remote-start", """{"idTag":"ABCDEFGHIJKLMNOPQRSTUVWXYZ"}""", "idTag")]
    [TestCase("/reset", """{"type":"Warm"}""", "type")]
    [TestCase("/reset", """{}""", "type")]
    [TestCase("/unlock", """{"connectorId":0}""", "connectorId")]
    [TestCase("/change-availability", """{"connectorId":-1,"type":"Inoperative"}""", "connectorId")]
    [TestCase("/change-availability", """{"connectorId":1,"type":"Broken"}""", "type")]
    [TestCase("/remote-stop", """{"transactionId":"x"}""", "transactionId")]
    [TestCase("/trigger-message", """{"requestedMessage":"Coffee"}""", "requestedMessage")]
    [TestCase("/trigger-message", """{"requestedMessage":"Heartbeat","connectorId":-2}""", "connectorId")]
    [TestCase("/change-configuration", """{"key":"MeterValueSampleInterval"}""", "value")]
    public async Task A_bad_value_is_a_400_that_names_it_and_nothing_is_sent(string path, string json, string named)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001" + path, json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(Api.Detail(problem), Does.Contain(named));
        Assert.That(cp.Received, Is.Empty);
    }

    [Test]
    public async Task Remote_stop_sends_any_transactionId_and_returns_the_answer([Values] RemoteStartStopStatus answer)
    {
        var script = new StationScript().On<RemoteStopTransactionRequest, RemoteStopTransactionResponse>(_ => new() { Status = answer });
        var body = await RoundTripAsync(script, "/remote-stop", """{"transactionId":424242}""");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
    }

    [Test]
    public async Task Reset_of_either_type_returns_the_answer([Values] ResetType type, [Values] ResetStatus answer)
    {
        ResetRequest? seen = null;
        var script = new StationScript().On<ResetRequest, ResetResponse>(r =>
        {
            seen = r;
            return new() { Status = answer };
        });
        var body = await RoundTripAsync(script, "/reset", $$"""{"type":"{{type}}"}""");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
        Assert.That(seen!.Type, Is.EqualTo(type));
    }

    [Test]
    public async Task Unlock_returns_every_answer([Values] UnlockStatus answer)
    {
        var script = new StationScript().On<UnlockConnectorRequest, UnlockConnectorResponse>(_ => new() { Status = answer });
        var body = await RoundTripAsync(script, "/unlock", """{"connectorId":1}""");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
    }

    [Test]
    public async Task Change_availability_returns_every_answer_including_Scheduled([Values] AvailabilityType type, [Values] AvailabilityStatus answer)
    {
        var script = new StationScript().On<ChangeAvailabilityRequest, ChangeAvailabilityResponse>(_ => new() { Status = answer });
        var body = await RoundTripAsync(script, "/change-availability", $$"""{"connectorId":0,"type":"{{type}}"}""");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
    }

    [Test]
    public async Task Get_configuration_keeps_what_the_station_said_and_change_configuration_updates_it()
    {
        var script = new StationScript()
            .On<GetConfigurationRequest, GetConfigurationResponse>(_ => new()
            {
                ConfigurationKey =
                [
                    new KeyValue { Key = "MeterValueSampleInterval", Readonly = false, Value = "30" },
                    new KeyValue { Key = "NumberOfConnectors", Readonly = true, Value = "2" },
                ],
                UnknownKey = ["NoSuchKey"],
            })
            .On<ChangeConfigurationRequest, ChangeConfigurationResponse>(r => new()
            {
                Status = r.Key == "MeterValueSampleInterval" && r.Value != "-1" ? ConfigurationStatus.Accepted : r.Key == "MeterValueSampleInterval" ? ConfigurationStatus.Rejected : ConfigurationStatus.NotSupported,
            });
        await using var csms = new CsmsFactory();
        await using var cp = await ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, read) = await Api.PostAsync(http, "/api/charge-points/CP001/get-configuration", "{}");
        var (_, accepted) = await Api.PostAsync(http, "/api/charge-points/CP001/change-configuration", """{"key":"MeterValueSampleInterval","value":"60"}""");
        var (_, rejected) = await Api.PostAsync(http, "/api/charge-points/CP001/change-configuration", """{"key":"MeterValueSampleInterval","value":"-1"}""");
        var (_, unknown) = await Api.PostAsync(http, "/api/charge-points/CP001/change-configuration", """{"key":"VendorCustomKey","value":"anything"}""");
        var (_, kept) = await Api.GetAsync(http, "/api/charge-points/CP001/configuration");
        var byKey = kept.EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!);
        var (_, station) = await Api.GetAsync(http, "/api/charge-points/CP001");

        Assert.That(read.GetProperty("configurationKey").GetArrayLength(), Is.EqualTo(2));
        Assert.That(accepted.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(rejected.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(unknown.GetProperty("status").GetString(), Is.EqualTo("NotSupported"));
        Assert.That(byKey["MeterValueSampleInterval"].GetProperty("value").GetString(), Is.EqualTo("60"));
        Assert.That(byKey["NumberOfConnectors"].GetProperty("readonly").GetBoolean(), Is.True);
        Assert.That(byKey["NoSuchKey"].GetProperty("known").GetBoolean(), Is.False);
        Assert.That(byKey.ContainsKey("VendorCustomKey"), Is.False);
        Assert.That(station.GetProperty("configuration").GetArrayLength(), Is.EqualTo(3));
        Assert.That(station.GetProperty("localList").ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(station.GetProperty("reservations").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task Clear_cache_returns_every_answer([Values] ClearCacheStatus answer)
    {
        var script = new StationScript().On<ClearCacheRequest, ClearCacheResponse>(_ => new() { Status = answer });
        var body = await RoundTripAsync(script, "/clear-cache", "");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
    }

    [Test]
    public async Task Data_transfer_returns_every_answer([Values] DataTransferStatus answer)
    {
        var script = new StationScript().On<DataTransferRequest, DataTransferResponse>(r => new() { Status = answer, Data = r.Data });
        var body = await RoundTripAsync(script, "/data-transfer", """{"vendorId":"OcppLab","messageId":"Ping","data":"x"}""");
        Assert.That(body.GetProperty("status").GetString(), Is.EqualTo(answer.ToString()));
    }

    [Test]
    public async Task A_typed_endpoint_for_a_station_that_is_not_connected_is_404()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, _) = await Api.PostAsync(http, "/api/charge-points/NOBODY/reset", """{"type":"Soft"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>Connects CP001 with <paramref name="script"/> and boots it.</summary>
    internal static async Task<TestChargePoint> ConnectAsync(CsmsFactory csms, StationScript script, string id = "CP001")
    {
        var cp = await TestChargePoint.ConnectAsync(csms, id, script.Configure);
        await cp.CallAsync(Requests.Boot());
        return cp;
    }

    private static async Task<JsonElement> RoundTripAsync(StationScript script, string path, string json)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await ConnectAsync(csms, script);
        using var http = csms.CreateClient();
        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001" + path, json);
        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        return body;
    }
}
