using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.OperatorApi;

public sealed class GenericCallTests
{
    private static readonly Dictionary<string, string> CoreCalls = new()
    {
        ["ChangeAvailability"] = """{"connectorId":0,"type":"Inoperative"}""",
        ["ChangeConfiguration"] = """{"key":"MeterValueSampleInterval","value":"60"}""",
        ["ClearCache"] = "{}",
        ["DataTransfer"] = """{"vendorId":"OcppLab","messageId":"Ping","data":"x"}""",
        ["GetConfiguration"] = """{"key":["HeartbeatInterval","NoSuchKey"]}""",
        ["RemoteStartTransaction"] = """{"connectorId":1,"idTag":"VALID001"}""",
        ["RemoteStopTransaction"] = """{"transactionId":999999}""",
        ["Reset"] = """{"type":"Soft"}""",
        ["UnlockConnector"] = """{"connectorId":7}""",
    };

    [TestCaseSource(nameof(CoreActions))]
    public async Task Every_Core_action_a_Central_System_sends_reaches_the_station_and_its_answer_comes_back(string action)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", AnswerEveryCoreCall);
        using var http = csms.CreateClient();

        using var response = await http.PostAsync($"/api/charge-points/CP001/calls/{action}", Json(CoreCalls[action]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.ValueKind, Is.EqualTo(JsonValueKind.Object));
        Assert.That(cp.Received.Select(r => r.Action), Does.Contain(action));
        Assert.That(response.Headers.Contains("X-Ocpp-Round-Trip-Ms"), Is.True);
    }

    [Test]
    public async Task The_answer_is_the_stations_payload_as_it_sent_it()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", AnswerEveryCoreCall);
        using var http = csms.CreateClient();

        using var response = await http.PostAsync("/api/charge-points/CP001/calls/GetConfiguration", Json(CoreCalls["GetConfiguration"]));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(body.GetProperty("configurationKey")[0].GetProperty("key").GetString(), Is.EqualTo("HeartbeatInterval"));
        Assert.That(body.GetProperty("unknownKey")[0].GetString(), Is.EqualTo("NoSuchKey"));
    }

    [Test]
    public async Task A_CALLERROR_from_the_station_becomes_a_502_problem_naming_the_error_code()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => r.Map<ResetRequest, ResetResponse>((_, _, _) =>
            throw new OcppCallErrorException(OcppErrorCode.NotSupported, "no resets today")));
        using var http = csms.CreateClient();

        using var response = await http.PostAsync("/api/charge-points/CP001/calls/Reset", Json("""{"type":"Hard"}"""));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("NotSupported"));
        Assert.That(problem.GetProperty("errorDescription").GetString(), Is.EqualTo("no resets today"));
    }

    [Test]
    public async Task A_station_that_does_not_answer_gives_a_504_after_the_call_timeout()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:CallTimeoutSeconds"] = "30" });
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<ClearCacheResponse>();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => r.Map<ClearCacheRequest, ClearCacheResponse>((_, _, _) =>
        {
            asked.TrySetResult();
            return new ValueTask<ClearCacheResponse>(never.Task);
        }));
        using var http = csms.CreateClient();

        var pending = http.PostAsync("/api/charge-points/CP001/calls/ClearCache", Json("{}"));
        await asked.Task.WaitAsync(TimeSpan.FromSeconds(10));
        csms.Time.Advance(TimeSpan.FromSeconds(31));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.GatewayTimeout));
        never.SetResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted });
    }

    [Test]
    public async Task A_station_never_seen_is_404_and_a_known_offline_one_is_409()
    {
        await using var csms = new CsmsFactory();
        await using (var cp = await TestChargePoint.ConnectAsync(csms, "GONE01"))
        {
            await cp.CallAsync(Requests.Boot());
        }

        using var http = csms.CreateClient();
        using var never = await http.PostAsync("/api/charge-points/NEVER01/calls/ClearCache", Json("{}"));
        using var gone = await PostUntilOfflineAsync(http, "/api/charge-points/GONE01/calls/ClearCache");

        Assert.That(never.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [TestCase("RemoteStartTransaction", """{"connectorId":1}""", "OccurenceConstraintViolation")]
    [TestCase("Reset", """{"type":"Warm"}""", "PropertyConstraintViolation")]
    [TestCase("UnlockConnector", """{"connectorId":"one"}""", "TypeConstraintViolation")]
    [TestCase("ClearCache", """{"please":true}""", "FormationViolation")]
    [TestCase("Rest", """{"type":"Soft"}""", "not an OCPP 1.6 action")]
    [TestCase("BootNotification", """{"chargePointVendor":"x","chargePointModel":"y"}""", "sent by a charge point")]
    public async Task A_request_that_does_not_fit_the_schema_is_refused_with_a_400_that_names_the_problem(string action, string payload, string expected)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", AnswerEveryCoreCall);
        using var http = csms.CreateClient();

        using var response = await http.PostAsync($"/api/charge-points/CP001/calls/{action}", Json(payload));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(expected));
        Assert.That(cp.Received, Is.Empty);
    }

    [Test]
    public async Task Validation_can_be_turned_off_to_send_an_unknown_action_on_purpose()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", AnswerEveryCoreCall);
        using var http = csms.CreateClient();

        using var response = await http.PostAsync("/api/charge-points/CP001/calls/FlyToTheMoon?validate=false", Json("{}"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(problem.GetProperty("errorCode").GetString(), Is.EqualTo("NotImplemented"));
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_a_400()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        using var response = await http.PostAsync("/api/charge-points/CP001/calls/Reset", Json("{type: Soft"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    private static string[] CoreActions() => [.. CoreCalls.Keys];

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<HttpResponseMessage> PostUntilOfflineAsync(HttpClient http, string path)
    {
        // The Central System learns of the close asynchronously; wait on its own read model rather than sleep.
        await ReadModel.WaitUntilAsync(http, "GONE01", station => !station.GetProperty("connected").GetBoolean());
        return await http.PostAsync(path, Json("{}"));
    }

    private static void AnswerEveryCoreCall(OcppRouter<TestChargePoint> router) => router
        .Map<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((cp, r, _) => Answer(cp, "ChangeAvailability", r, new ChangeAvailabilityResponse { Status = AvailabilityStatus.Accepted }))
        .Map<ChangeConfigurationRequest, ChangeConfigurationResponse>((cp, r, _) => Answer(cp, "ChangeConfiguration", r, new ChangeConfigurationResponse { Status = ConfigurationStatus.Accepted }))
        .Map<ClearCacheRequest, ClearCacheResponse>((cp, r, _) => Answer(cp, "ClearCache", r, new ClearCacheResponse { Status = ClearCacheStatus.Accepted }))
        .Map<DataTransferRequest, DataTransferResponse>((cp, r, _) => Answer(cp, "DataTransfer", r, new DataTransferResponse { Status = DataTransferStatus.Accepted, Data = r.Data }))
        .Map<GetConfigurationRequest, GetConfigurationResponse>((cp, r, _) => Answer(cp, "GetConfiguration", r, new GetConfigurationResponse
        {
            ConfigurationKey = [new KeyValue { Key = "HeartbeatInterval", Readonly = false, Value = "300" }],
            UnknownKey = ["NoSuchKey"],
        }))
        .Map<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((cp, r, _) => Answer(cp, "RemoteStartTransaction", r, new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Accepted }))
        .Map<RemoteStopTransactionRequest, RemoteStopTransactionResponse>((cp, r, _) => Answer(cp, "RemoteStopTransaction", r, new RemoteStopTransactionResponse { Status = RemoteStartStopStatus.Rejected }))
        .Map<ResetRequest, ResetResponse>((cp, r, _) => Answer(cp, "Reset", r, new ResetResponse { Status = ResetStatus.Accepted }))
        .Map<UnlockConnectorRequest, UnlockConnectorResponse>((cp, r, _) => Answer(cp, "UnlockConnector", r, new UnlockConnectorResponse { Status = UnlockStatus.NotSupported }));

    private static ValueTask<TResponse> Answer<TResponse>(TestChargePoint cp, string action, object request, TResponse response)
    {
        cp.Received.Enqueue((action, request));
        return ValueTask.FromResult(response);
    }
}
