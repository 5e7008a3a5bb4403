using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// Strict outbound (on by default): what an endpoint sends is judged by the same 1.6 schema as what it receives, and
/// a frame that breaks it never reaches the wire unless the option is turned off on purpose.
/// </summary>
[TestFixture]
public sealed class StrictOutboundTests
{
    private readonly List<Exception> failures = [];
    private readonly List<FrameEvent> sent = [];

    [SetUp]
    public void SetUp()
    {
        failures.Clear();
        sent.Clear();
    }

    [Test]
    public async Task A_handler_answer_that_breaks_its_schema_goes_out_as_InternalError_and_the_router_hears_why()
    {
        var peer = Peer(new OcppRpcOptions());

        peer.Send("""[2,"a-1","Authorize",{"idTag":"CARD42"}]""");
        var answer = await peer.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.TypeId, Is.EqualTo(4));
            Assert.That(answer.ErrorCode, Is.EqualTo("InternalError"));
            Assert.That(answer.Json[3].GetString(), Does.Contain("$.idTagInfo.status"));
            Assert.That(failures, Has.Count.EqualTo(1));
            Assert.That(failures[0], Is.TypeOf<OcppOutboundSchemaException>().With.Property(nameof(OcppOutboundSchemaException.Member)).EqualTo("$.idTagInfo.status"));
            Assert.That(((OcppOutboundSchemaException)failures[0]).IsResponse, Is.True);
            Assert.That(sent.Where(e => e.TypeId == MessageTypeId.CallResult), Is.Empty, "no CALLRESULT left the endpoint");
        }
    }

    [Test]
    public async Task With_strict_outbound_turned_off_the_same_answer_is_sent_as_the_handler_made_it()
    {
        var peer = Peer(new OcppRpcOptions { ValidateOutgoing = false });

        peer.Send("""[2,"a-1","Authorize",{"idTag":"CARD42"}]""");
        var answer = await peer.NextFrameAsync();

        Assert.That(answer.Text, Is.EqualTo("""[3,"a-1",{"idTagInfo":{"status":7}}]"""));
    }

    [Test]
    public async Task A_dispatcher_of_its_own_that_answers_against_the_schema_is_stopped_too_and_told_why()
    {
        var dispatcher = new EmptyAnswers();
        var endpoint = new OcppRpcEndpoint("CP-1", dispatcher, timeProvider: new FakeTimeProvider());
        var peer = new RawPeer(endpoint);

        peer.Send("""[2,"h-1","Heartbeat",{}]""");
        var answer = await peer.NextFrameAsync();
        await endpoint.DisposeAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.ErrorCode, Is.EqualTo("InternalError"));
            Assert.That(dispatcher.Reported, Is.TypeOf<OcppOutboundSchemaException>().With.Property(nameof(OcppOutboundSchemaException.Member)).EqualTo("$.currentTime"));
        }
    }

    [Test]
    public async Task A_typed_call_with_an_undefined_enum_value_throws_naming_the_member_and_sends_nothing()
    {
        var peer = Peer(new OcppRpcOptions());

        var refused = Assert.ThrowsAsync<OcppOutboundSchemaException>(() => peer.Endpoint.CallAsync(new ResetRequest { Type = (ResetType)7 }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Member, Is.EqualTo("$.type"));
            Assert.That(refused.IsResponse, Is.False);
            Assert.That(refused.Message, Does.Contain("Reset request"));
            Assert.That(peer.HasFrameWaiting, Is.False);
            Assert.That(sent, Is.Empty);
        }

        // The endpoint is not left holding the refused call: the next one goes out.
        var next = peer.Endpoint.CallAsync(new ResetRequest { Type = ResetType.Soft });
        var frame = await peer.NextFrameAsync();
        peer.Answer(frame, """{"status":"Accepted"}""");
        Assert.That((await next.Guarded()).Status, Is.EqualTo(ResetStatus.Accepted));
    }

    [Test]
    public async Task A_raw_call_of_a_catalogued_action_that_breaks_its_schema_is_refused_unless_the_caller_turns_validation_off()
    {
        var peer = Peer(new OcppRpcOptions());
        var payload = Json("""{"type":7}""");

        var refused = Assert.ThrowsAsync<OcppOutboundSchemaException>(() => peer.Endpoint.CallRawAsync("Reset", payload));
        var nothingSent = !peer.HasFrameWaiting;
        var deliberate = peer.Endpoint.CallRawAsync("Reset", payload, validate: false);
        var frame = await peer.NextFrameAsync();
        peer.Answer(frame, """{"status":"Rejected"}""");
        await deliberate.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused!.Member, Is.EqualTo("$.type"));
            Assert.That(nothingSent, Is.True);
            Assert.That(frame.Text, Does.EndWith("""
                "Reset",{"type":7}]
                """));
        }
    }

    [Test]
    public async Task With_strict_outbound_turned_off_a_raw_call_sends_the_bad_payload_as_given()
    {
        var peer = Peer(new OcppRpcOptions { ValidateOutgoing = false });

        _ = peer.Endpoint.CallRawAsync("Reset", Json("""{"type":7}"""));
        var frame = await peer.NextFrameAsync();

        Assert.That(frame.CallPayload.GetProperty("type").GetInt32(), Is.EqualTo(7));
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>An endpoint whose Authorize handler answers a status outside the enum, as a store fed a bad value would.</summary>
    private RawPeer Peer(OcppRpcOptions options)
    {
        var router = new OcppRouter<string> { HandlerFailed = (_, _, e) => failures.Add(e) }
            .Map<AuthorizeRequest, AuthorizeResponse>((_, _, _) => ValueTask.FromResult(new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = (AuthorizationStatus)7 } }));
        var observer = new CallbackObserver(e =>
        {
            if (e.Direction == FrameDirection.Out)
            {
                sent.Add(e);
            }
        });
        return new RawPeer(new OcppRpcEndpoint("CP-1", router.Bind("CP-1"), options, new FakeTimeProvider(), observer));
    }

    /// <summary>Answers every CALL with an empty object, whatever its response schema asks for.</summary>
    private sealed class EmptyAnswers : IOcppCallDispatcher
    {
        public Exception? Reported { get; private set; }

        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken) =>
            ValueTask.FromResult(new InboundCallOutcome(FrameWriter.CallResult(call.MessageId, Json("{}")), null));

        public void ReportFailure(Call call, Exception exception) => Reported = exception;
    }
}
