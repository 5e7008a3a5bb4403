using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.OperatorApi;

/// <summary>Operator input gets the 1.6 schema checks inbound frames get, before anything goes on the wire.</summary>
public sealed class OperatorInputTests
{
    private static IEnumerable<TestCaseData> NumbersForEnums()
    {
        yield return new TestCaseData("reset", """{"type":1}""", "type", "Hard, Soft").SetName("Reset type 1 is refused, not sent as Soft");
        yield return new TestCaseData("change-availability", """{"connectorId":0,"type":0}""", "type", "Inoperative, Operative").SetName("ChangeAvailability type 0 is refused, not sent as Inoperative");
        yield return new TestCaseData("trigger-message", """{"requestedMessage":2}""", "requestedMessage", "FirmwareStatusNotification").SetName("TriggerMessage requestedMessage 2 is refused, not sent as FirmwareStatusNotification");
        yield return new TestCaseData("reset", """{"type":"Bogus"}""", "type", "Hard, Soft").SetName("An unknown Reset type is refused with the allowed spellings");
        yield return new TestCaseData("reset", """{"type":"soft"}""", "type", "Hard, Soft").SetName("An enum is matched by its exact spelling");
        yield return new TestCaseData("data-transfer", $$"""{"vendorId":"{{new string('v', 256)}}"}""", "vendorId", "maximum of 255").SetName("A DataTransfer vendorId longer than CiString255 is refused");
        yield return new TestCaseData("remote-start", $$"""{"idTag":"{{new string('T', 21)}}"}""", "idTag", "maximum of 20").SetName("A RemoteStartTransaction idTag longer than IdToken is refused");
        yield return new TestCaseData("unlock", """{"connectorId":"1"}""", "connectorId", "an integer").SetName("A number given as a string is refused");
        yield return new TestCaseData("reset", """{"type":"Soft","extra":true}""", "extra", "not part of this message").SetName("A member the message does not define is refused");
    }

    [TestCaseSource(nameof(NumbersForEnums))]
    public async Task A_typed_request_that_breaks_the_schema_is_a_400_naming_the_member_and_nothing_is_sent(string endpoint, string body, string member, string allowed)
    {
        await using var csms = new CsmsFactory();
        var received = new ConcurrentQueue<string>();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => Record(r, received));
        using var http = csms.CreateClient();

        var (status, problem, contentType) = await Api.SendAsync(http, HttpMethod.Post, $"/api/charge-points/CP001/{endpoint}", body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:schema-violation"));
        Assert.That(problem.GetProperty("member").GetString(), Is.EqualTo(member));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(allowed));
        Assert.That(problem.ToString(), Does.Not.Contain("OcppLab.").And.Not.Contain("System."), "no .NET type name");
        Assert.That(received, Is.Empty);
    }

    [Test]
    public async Task A_typed_request_that_fits_the_schema_still_reaches_the_station()
    {
        await using var csms = new CsmsFactory();
        var received = new ConcurrentQueue<string>();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => Record(r, received));
        using var http = csms.CreateClient();

        var (status, answer, _) = await Api.SendAsync(http, HttpMethod.Post, "/api/charge-points/CP001/reset", """{"type":"Hard"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), answer.ToString());
        Assert.That(received, Is.EqualTo(new[] { "Reset Hard" }));
    }

    [TestCase("""{"status":7}""")]
    [TestCase("""{"status":-1}""")]
    [TestCase("""{"status":"Unknown"}""")]
    public async Task An_id_tag_status_that_is_not_an_AuthorizationStatus_is_a_400_and_is_not_stored(string body)
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, problem, _) = await Api.SendAsync(http, HttpMethod.Put, "/api/id-tags/CARD42", body);
        var (after, _, _) = await Api.SendAsync(http, HttpMethod.Get, "/api/id-tags/CARD42", null);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(problem.GetProperty("member").GetString(), Is.EqualTo("status"));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("Accepted, Blocked, Expired, Invalid, ConcurrentTx"));
        Assert.That(after, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_parent_id_tag_longer_than_an_IdToken_is_a_400_naming_it()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var (status, problem, _) = await Api.SendAsync(http, HttpMethod.Put, "/api/id-tags/CARD42", $$"""{"status":"Accepted","parentIdTag":"{{new string('P', 21)}}"}""");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(problem.GetProperty("member").GetString(), Is.EqualTo("parentIdTag"));
    }

    [TestCase("/api/charge-points/CP001/calls/DataTransfer")]
    [TestCase("/api/charge-points/CP001/data-transfer")]
    [TestCase("/api/id-tags/CARD42")]
    public async Task A_body_over_one_MiB_is_a_413_problem_and_nothing_is_sent(string path)
    {
        await using var csms = new CsmsFactory();
        var received = new ConcurrentQueue<string>();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", r => Record(r, received));
        using var http = csms.CreateClient();
        var body = $$"""{"vendorId":"OcppLab","data":"{{new string('x', 2 * 1024 * 1024)}}"}""";

        var (status, problem, contentType) = await Api.SendAsync(http, path.Contains("id-tags", StringComparison.Ordinal) ? HttpMethod.Put : HttpMethod.Post, path, body);

        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(contentType, Is.EqualTo("application/problem+json"));
        Assert.That(problem.GetProperty("type").GetString(), Is.EqualTo("urn:ocpplab:problem:too-large"));
        Assert.That(received, Is.Empty);
    }

    [Test]
    public async Task A_chunked_body_without_a_length_is_held_to_the_same_limit()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        var bytes = Encoding.UTF8.GetBytes($$"""{"vendorId":"OcppLab","data":"{{new string('x', 2 * 1024 * 1024)}}"}""");
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/charge-points/CP001/data-transfer") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await http.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    private static void Record(OcppRouter<TestChargePoint> router, ConcurrentQueue<string> received) => router
        .Map<ResetRequest, ResetResponse>((_, r, _) => Answer(received, $"Reset {r.Type}", new ResetResponse { Status = ResetStatus.Accepted }))
        .Map<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((_, r, _) => Answer(received, $"ChangeAvailability {r.Type}", new ChangeAvailabilityResponse { Status = AvailabilityStatus.Accepted }))
        .Map<TriggerMessageRequest, TriggerMessageResponse>((_, r, _) => Answer(received, $"TriggerMessage {r.RequestedMessage}", new TriggerMessageResponse { Status = TriggerMessageStatus.Accepted }))
        .Map<DataTransferRequest, DataTransferResponse>((_, r, _) => Answer(received, "DataTransfer", new DataTransferResponse { Status = DataTransferStatus.Accepted }))
        .Map<UnlockConnectorRequest, UnlockConnectorResponse>((_, r, _) => Answer(received, "UnlockConnector", new UnlockConnectorResponse { Status = UnlockStatus.Unlocked }))
        .Map<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((_, r, _) => Answer(received, "RemoteStartTransaction", new RemoteStartTransactionResponse { Status = RemoteStartStopStatus.Rejected }));

    private static ValueTask<TResponse> Answer<TResponse>(ConcurrentQueue<string> received, string what, TResponse response)
    {
        received.Enqueue(what);
        return ValueTask.FromResult(response);
    }
}
