using System.Text;
using System.Text.Json;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Protocol.Tests.Rpc;

/// <summary>
/// The RPC endpoint shared by both ends (OCPP-J 1.6 §4): correlation, one outstanding CALL, timeouts on virtual
/// time, the error code each failure earns on the wire, and what it tells its observer. Two endpoints talk back to
/// back through <see cref="EndpointLink"/>; where the test must play a misbehaving peer it uses a <see cref="RawPeer"/>.
/// </summary>
[TestFixture]
public sealed class OcppRpcEndpointTests
{
    private const string CentralSystemId = "CS";
    private const string ChargePointId = "CP-1";
    private const string HeartbeatAnswer = """{"currentTime":"2026-01-31T12:00:00.000Z"}""";

    private TimerAwareTimeProvider time = null!;
    private List<Exception> handlerFailures = null!;
    private TaskCompletionSource slowHandlerStarted = null!;
    private TaskCompletionSource releaseSlowHandler = null!;
    private List<string> handlerLog = null!;
    private List<IAsyncDisposable> disposables = null!;

    [SetUp]
    public void SetUp()
    {
        time = new TimerAwareTimeProvider();
        handlerFailures = [];
        slowHandlerStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        releaseSlowHandler = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        handlerLog = [];
        disposables = [];
    }

    [TearDown]
    public async Task TearDown()
    {
        releaseSlowHandler.TrySetResult();
        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }
    }

    // ---- Typed calls between two endpoints ----

    [Test]
    public async Task A_typed_call_gets_the_typed_response_of_the_peers_handler()
    {
        var link = Link();

        var boot = await link.ChargePoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "VendorX", ChargePointModel = "Model-1" }).Guarded();
        var heartbeat = await link.ChargePoint.CallAsync(new HeartbeatRequest()).Guarded();
        var authorize = await link.ChargePoint.CallAsync(new AuthorizeRequest { IdTag = "BLOCKED" }).Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(boot, Is.EqualTo(new BootNotificationResponse { CurrentTime = time.GetUtcNow(), Interval = 300, Status = RegistrationStatus.Accepted }));
            Assert.That(heartbeat.CurrentTime, Is.EqualTo(time.GetUtcNow()));
            Assert.That(authorize.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Blocked));
        }
    }

    [Test]
    public async Task Both_ends_can_call_each_other_over_the_same_link()
    {
        var link = Link();

        var fromChargePoint = await link.ChargePoint.CallAsync(new HeartbeatRequest()).Guarded();
        var fromCentralSystem = await link.CentralSystem.CallAsync(new ClearCacheRequest()).Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fromChargePoint.CurrentTime, Is.EqualTo(time.GetUtcNow()));
            Assert.That(fromCentralSystem.Status, Is.EqualTo(ClearCacheStatus.Accepted));
        }
    }

    // ---- The error code each failure earns on the wire ----

    [Test]
    public async Task An_unknown_action_is_answered_NotImplemented()
    {
        var link = Link();

        var outcome = await link.ChargePoint.CallRawAsync("FlyToTheMoon", Json("{}")).Guarded();

        Assert.That(outcome.Response, Is.TypeOf<CallError>().With.Property(nameof(CallError.Code)).EqualTo(OcppErrorCode.NotImplemented));
    }

    [Test]
    public async Task An_action_is_matched_case_sensitively_so_a_miscased_one_is_NotImplemented()
    {
        var link = Link();

        var outcome = await link.ChargePoint.CallRawAsync("heartbeat", Json("{}")).Guarded();

        Assert.That(outcome.Response, Is.TypeOf<CallError>().With.Property(nameof(CallError.Code)).EqualTo(OcppErrorCode.NotImplemented));
    }

    [Test]
    public async Task A_known_action_without_a_route_is_answered_NotSupported()
    {
        var link = Link();

        var error = await ThrowsCallError(() => link.ChargePoint.CallAsync(new DataTransferRequest { VendorId = "com.ocpplab" }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(OcppErrorCode.NotSupported));
            Assert.That(error.WireCode, Is.EqualTo("NotSupported"));
        }
    }

    [TestCase("""{"idTag":"TAG-1","groupIdTag":"FLEET"}""", OcppErrorCode.FormationViolation, "FormationViolation", TestName = "An unknown member reaches the wire as FormationViolation")]
    [TestCase("{}", OcppErrorCode.OccurenceConstraintViolation, "OccurenceConstraintViolation", TestName = "A missing required member reaches the wire as OccurenceConstraintViolation")]
    [TestCase("""{"idTag":42}""", OcppErrorCode.TypeConstraintViolation, "TypeConstraintViolation", TestName = "A member of the wrong type reaches the wire as TypeConstraintViolation")]
    [TestCase("""{"idTag":"ABCDEFGHIJKLMNOPQRSTU"}""", OcppErrorCode.PropertyConstraintViolation, "PropertyConstraintViolation", TestName = "A string over its maximum length reaches the wire as PropertyConstraintViolation")]
    public async Task A_schema_violation_reaches_the_wire_as_its_CALLERROR_code(string payload, OcppErrorCode code, string spelling)
    {
        var link = Link();

        var outcome = await link.ChargePoint.CallRawAsync("Authorize", Json(payload), validate: false).Guarded();

        Assert.That(outcome.Response, Is.TypeOf<CallError>());
        var error = (CallError)outcome.Response;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.WireCode, Is.EqualTo(spelling));
            Assert.That(error.Description, Does.Contain("$.idTag").Or.Contain("$.groupIdTag"));
            Assert.That(handlerLog, Is.Empty, "the handler never sees a payload that breaks the schema");
        }
    }

    [Test]
    public async Task A_typed_request_that_breaks_the_schema_is_not_sent_under_strict_outbound_and_the_peer_refuses_it_when_that_is_off()
    {
        var lax = Link(chargePointOptions: new OcppRpcOptions { ValidateOutgoing = false });
        var strict = Raw();

        var error = await ThrowsCallError(() => lax.ChargePoint.CallAsync(new AuthorizeRequest { IdTag = new string('A', 21) }));
        Assert.That(
            () => strict.Endpoint.CallAsync(new AuthorizeRequest { IdTag = new string('A', 21) }),
            Throws.TypeOf<OcppOutboundSchemaException>().With.Property(nameof(OcppOutboundSchemaException.Member)).EqualTo("$.idTag"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(OcppErrorCode.PropertyConstraintViolation));
            Assert.That(strict.HasFrameWaiting, Is.False, "nothing was sent");
        }
    }

    [Test]
    public async Task A_handler_that_throws_is_answered_InternalError_and_the_endpoint_keeps_working()
    {
        var link = Link();

        var error = await ThrowsCallError(() => link.ChargePoint.CallAsync(new AuthorizeRequest { IdTag = "THROW" }));
        var next = await link.ChargePoint.CallAsync(new AuthorizeRequest { IdTag = "TAG-1" }).Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(OcppErrorCode.InternalError));
            Assert.That(error.Description, Does.Not.Contain("secret"), "the exception's message stays on this side");
            Assert.That(handlerFailures, Has.Count.EqualTo(1).And.One.TypeOf<InvalidOperationException>());
            Assert.That(next.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        }
    }

    [Test]
    public async Task A_dispatcher_that_throws_is_answered_InternalError_and_the_endpoint_keeps_working()
    {
        var dispatcher = new ThrowingOnceDispatcher();
        var raw = Raw(dispatcher: dispatcher);

        raw.Send("""[2,"d-1","Heartbeat",{}]""");
        var first = await raw.NextFrameAsync();
        raw.Send("""[2,"d-2","Heartbeat",{}]""");
        var second = await raw.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Text, Does.StartWith("""[4,"d-1","InternalError","""));
            Assert.That(second.Text, Is.EqualTo($"""[3,"d-2",{HeartbeatAnswer}]"""));
        }
    }

    [TestCase(OcppErrorCode.SecurityError, "SecurityError")]
    [TestCase(OcppErrorCode.GenericError, "GenericError")]
    [TestCase(OcppErrorCode.ProtocolError, "ProtocolError")]
    public async Task A_handler_that_throws_OcppCallErrorException_is_answered_with_its_code(OcppErrorCode code, string idTag)
    {
        var link = Link();

        var error = await ThrowsCallError(() => link.ChargePoint.CallAsync(new AuthorizeRequest { IdTag = idTag }));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(code));
            Assert.That(error.WireCode, Is.EqualTo(code.ToWire()));
            Assert.That(error.Description, Is.EqualTo($"refused as {idTag}"));
            Assert.That(error.Details?.GetProperty("idTag").GetString(), Is.EqualTo(idTag));
        }
    }

    [Test]
    public async Task A_CALL_that_is_malformed_but_has_an_id_is_answered_FormationViolation()
    {
        var raw = Raw();

        raw.Send("""[2,"m-1","Heartbeat"]""");
        var answer = await raw.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.TypeId, Is.EqualTo(4));
            Assert.That(answer.MessageId, Is.EqualTo("m-1"));
            Assert.That(answer.ErrorCode, Is.EqualTo("FormationViolation"));
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(1));
        }
    }

    [Test]
    public void A_frame_without_a_readable_id_is_counted_and_dropped_without_an_answer()
    {
        var raw = Raw();

        raw.Send("not json");
        raw.Send("""{"a":1}""");
        raw.Send("""[2,17,"Heartbeat",{}]""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(3));
            Assert.That(raw.HasFrameWaiting, Is.False);
            Assert.That(raw.Endpoint.CloseRequested.IsCompleted, Is.False);
        }
    }

    [Test]
    public async Task A_peer_that_calls_without_waiting_for_answers_gets_GenericError_once_the_queue_is_full()
    {
        var raw = Raw(new OcppRpcOptions { SendQueueCapacity = 1 });

        raw.Send("""[2,"q-1","Authorize",{"idTag":"SLOW"}]""");
        await slowHandlerStarted.Task.Guarded();
        raw.Send("""[2,"q-2","Heartbeat",{}]""");
        raw.Send("""[2,"q-3","Heartbeat",{}]""");
        var refused = await raw.NextFrameAsync();
        releaseSlowHandler.SetResult();
        var first = await raw.NextFrameAsync();
        var second = await raw.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Text, Does.StartWith("""[4,"q-3","GenericError","""));
            Assert.That(first.MessageId, Is.EqualTo("q-1"));
            Assert.That(second.MessageId, Is.EqualTo("q-2"));
        }
    }

    [Test]
    public async Task A_CALL_whose_payload_holds_invalid_UTF8_is_answered_FormationViolation()
    {
        var raw = Raw();

        raw.Send([.. Encoding.UTF8.GetBytes("[2,\"u-1\",\"Authorize\",{\"idTag\":\"TAG"), 0xFF, .. Encoding.UTF8.GetBytes("\"}]")]);
        var answer = await raw.NextFrameAsync();

        Assert.That(answer.ErrorCode, Is.EqualTo("FormationViolation"), answer.Text);
    }

    [Test]
    public async Task A_CALL_with_an_id_over_36_characters_is_never_answered_with_that_id()
    {
        var raw = Raw();
        var id37 = new string('7', 37);

        raw.Send($$"""[2,"{{id37}}","Heartbeat",{}]""");
        raw.Send("""[2,"after","Heartbeat",{}]""");
        var next = await raw.NextFrameAsync();

        Assert.That(next.MessageId, Is.EqualTo("after"), $"the endpoint sent {next.Text}, whose id breaks OCPP-J 1.6 §4.1.4");
    }

    // ---- The peer's answers to our calls ----

    [Test]
    public async Task A_CALLERROR_from_the_peer_makes_CallAsync_throw_with_its_code_description_and_details()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var sent = await raw.NextFrameAsync();
        raw.Send($$"""[4,"{{sent.MessageId}}","OccurrenceConstraintViolation","currentTime missing",{"member":"currentTime"}]""");
        var error = await ThrowsCallError(() => call);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.Code, Is.EqualTo(OcppErrorCode.OccurenceConstraintViolation));
            Assert.That(error.WireCode, Is.EqualTo("OccurrenceConstraintViolation"));
            Assert.That(error.Description, Is.EqualTo("currentTime missing"));
            Assert.That(error.Details?.GetProperty("member").GetString(), Is.EqualTo("currentTime"));
        }
    }

    [Test]
    public async Task A_call_that_gets_no_answer_times_out_on_virtual_time_and_does_not_block_the_next_call()
    {
        var raw = Raw(new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(30) });

        var first = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var unanswered = await raw.NextFrameAsync();
        await time.TimerCreatedAsync();
        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        var stillWaiting = !first.IsCompleted;
        time.Advance(TimeSpan.FromTicks(1));
        var timeout = Assert.ThrowsAsync<OcppCallTimeoutException>(async () => await first.Guarded());

        var second = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var next = await raw.NextFrameAsync();
        raw.Answer(unanswered, HeartbeatAnswer);
        var unexpectedAfterLateAnswer = raw.Endpoint.UnexpectedResponses;
        raw.Answer(next, HeartbeatAnswer);
        var answered = await second.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillWaiting, Is.True, "no timeout before CallTimeout has passed");
            Assert.That(timeout!.Action, Is.EqualTo("Heartbeat"));
            Assert.That(timeout.Timeout, Is.EqualTo(TimeSpan.FromSeconds(30)));
            Assert.That(next.MessageId, Is.Not.EqualTo(unanswered.MessageId));
            Assert.That(unexpectedAfterLateAnswer, Is.EqualTo(1), "the late answer matches nothing");
            Assert.That(answered.CurrentTime, Is.EqualTo(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero)));
        }
    }

    [Test]
    public async Task Only_one_CALL_is_outstanding_so_a_second_one_goes_on_the_wire_after_the_first_is_answered()
    {
        var raw = Raw();

        var first = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var firstCall = await raw.NextFrameAsync();
        var second = raw.Endpoint.CallAsync(new AuthorizeRequest { IdTag = "TAG-2" });
        var secondWaitedForTheFirst = !raw.HasFrameWaiting && !second.IsCompleted;
        raw.Answer(firstCall, HeartbeatAnswer);
        await first.Guarded();
        var secondCall = await raw.NextFrameAsync();
        raw.Answer(secondCall, """{"idTagInfo":{"status":"Accepted"}}""");
        var secondAnswer = await second.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(secondWaitedForTheFirst, Is.True, "the second CALL was not sent while the first was outstanding");
            Assert.That(secondCall.Action, Is.EqualTo("Authorize"));
            Assert.That(secondCall.MessageId, Is.Not.EqualTo(firstCall.MessageId));
            Assert.That(secondAnswer.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        }
    }

    [Test]
    public async Task Close_fails_the_pending_call_and_the_waiting_one_and_later_calls_fail_at_once()
    {
        var raw = Raw();
        var pending = raw.Endpoint.CallAsync(new HeartbeatRequest());
        _ = await raw.NextFrameAsync();
        var waiting = raw.Endpoint.CallAsync(new HeartbeatRequest());

        raw.Endpoint.Close();
        var later = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var laterFailedAtOnce = later.IsFaulted;

        Assert.ThrowsAsync<OcppDisconnectedException>(async () => await pending.Guarded());
        Assert.ThrowsAsync<OcppDisconnectedException>(async () => await waiting.Guarded());
        Assert.ThrowsAsync<OcppDisconnectedException>(async () => await later);
        var closeRequest = await raw.Endpoint.CloseRequested.Guarded();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(laterFailedAtOnce, Is.True);
            Assert.That(raw.Endpoint.IsClosed, Is.True);
            Assert.That(raw.Endpoint.Outbound.Completion.IsCompleted, Is.True, "the send queue is completed");
            Assert.That(closeRequest, Is.EqualTo(new EndpointCloseRequest(1000, "closed")));
        }
    }

    [Test]
    public async Task A_malformed_CALLRESULT_for_the_pending_id_fails_that_call_without_an_answer()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var sent = await raw.NextFrameAsync();
        raw.Send($$"""[3,"{{sent.MessageId}}","2026-01-31T12:00:00Z"]""");
        var invalid = Assert.ThrowsAsync<OcppInvalidResponseException>(async () => await call.Guarded());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid!.Action, Is.EqualTo("Heartbeat"));
            Assert.That(invalid.Fault?.Stage, Is.EqualTo(FrameFaultStage.BadShape));
            Assert.That(invalid.Fault?.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(invalid.Violation, Is.Null);
            Assert.That(raw.HasFrameWaiting, Is.False, "a CALLRESULT is never answered");
        }
    }

    [Test]
    public async Task A_CALLRESULT_whose_payload_holds_invalid_UTF8_fails_the_call_as_an_invalid_response()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallAsync(new AuthorizeRequest { IdTag = "TAG-1" });
        var sent = await raw.NextFrameAsync();
        raw.Send([.. Encoding.UTF8.GetBytes($"[3,\"{sent.MessageId}\",{{\"idTagInfo\":{{\"status\":\"Accepted\",\"parentIdTag\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\"}}]")]);
        var invalid = Assert.ThrowsAsync<OcppInvalidResponseException>(async () => await call.Guarded());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid!.Fault?.Code, Is.EqualTo(OcppErrorCode.FormationViolation));
            Assert.That(raw.HasFrameWaiting, Is.False, "a CALLRESULT is never answered");
        }
    }

    [Test]
    public async Task A_CALLRESULT_that_breaks_the_response_schema_fails_the_call_with_the_violation()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallAsync(new BootNotificationRequest { ChargePointVendor = "V", ChargePointModel = "M" });
        var sent = await raw.NextFrameAsync();
        raw.Answer(sent, """{"currentTime":"2026-01-31T12:00:00Z","interval":"300","status":"Accepted"}""");
        var invalid = Assert.ThrowsAsync<OcppInvalidResponseException>(async () => await call.Guarded());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(invalid!.Action, Is.EqualTo("BootNotification"));
            Assert.That(invalid.Violation?.Code, Is.EqualTo(OcppErrorCode.TypeConstraintViolation));
            Assert.That(invalid.Violation?.Path, Is.EqualTo("$.interval"));
            Assert.That(invalid.Fault, Is.Null);
        }
    }

    [Test]
    public async Task A_response_that_matches_no_pending_call_is_counted_and_ignored()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var sent = await raw.NextFrameAsync();
        raw.Send($$"""[3,"invented",{{HeartbeatAnswer}}]""");
        raw.Send("""[4,"invented-too","GenericError","",{}]""");
        var stillPending = !call.IsCompleted;
        raw.Answer(sent, HeartbeatAnswer);
        await call.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stillPending, Is.True);
            Assert.That(raw.Endpoint.UnexpectedResponses, Is.EqualTo(2));
            Assert.That(raw.HasFrameWaiting, Is.False);
        }
    }

    [Test]
    public async Task Cancelling_a_call_frees_the_endpoint_for_the_next_one()
    {
        var raw = Raw();
        using var cancel = new CancellationTokenSource();

        var call = raw.Endpoint.CallAsync(new HeartbeatRequest(), cancel.Token);
        var cancelled = await raw.NextFrameAsync();
        await cancel.CancelAsync();
        Assert.That(async () => await call.Guarded(), Throws.InstanceOf<OperationCanceledException>());
        var next = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var sent = await raw.NextFrameAsync();
        raw.Answer(cancelled, HeartbeatAnswer);
        raw.Answer(sent, HeartbeatAnswer);

        Assert.That((await next.Guarded()).CurrentTime, Is.EqualTo(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero)));
        Assert.That(raw.Endpoint.UnexpectedResponses, Is.EqualTo(1));
    }

    [Test]
    public async Task CallRawAsync_returns_a_CALLERROR_frame_without_throwing()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallRawAsync("Reset", Json("""{"type":"Sideways"}"""), validate: false);
        var sent = await raw.NextFrameAsync();
        raw.Send($$"""[4,"{{sent.MessageId}}","PropertyConstraintViolation","type",{}]""");
        var outcome = await call.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Text, Is.EqualTo($$"""[2,"{{sent.MessageId}}","Reset",{"type":"Sideways"}]"""), "the payload is sent as given");
            Assert.That(outcome.Response, Is.TypeOf<CallError>().With.Property(nameof(CallError.Code)).EqualTo(OcppErrorCode.PropertyConstraintViolation));
            Assert.That(outcome.Violation, Is.Null);
        }
    }

    [Test]
    public async Task CallRawAsync_reports_a_response_schema_violation_and_the_round_trip_on_virtual_time()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallRawAsync("Heartbeat", Json("{}"));
        var sent = await raw.NextFrameAsync();
        time.Advance(TimeSpan.FromMilliseconds(1500));
        raw.Answer(sent, """{"currentTime":"yesterday"}""");
        var outcome = await call.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Response, Is.TypeOf<CallResult>());
            Assert.That(outcome.Violation?.Code, Is.EqualTo(OcppErrorCode.PropertyConstraintViolation));
            Assert.That(outcome.Violation?.Path, Is.EqualTo("$.currentTime"));
            Assert.That(outcome.RoundTrip, Is.EqualTo(TimeSpan.FromMilliseconds(1500)));
        }
    }

    [Test]
    public async Task CallRawAsync_does_not_judge_the_answer_to_an_action_outside_the_catalogue()
    {
        var raw = Raw();

        var call = raw.Endpoint.CallRawAsync("VendorThing", Json("""{"x":1}"""));
        var sent = await raw.NextFrameAsync();
        raw.Answer(sent, """{"anything":[1,2,3]}""");
        var outcome = await call.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outcome.Response, Is.TypeOf<CallResult>());
            Assert.That(outcome.Violation, Is.Null);
        }
    }

    // ---- Inbound calls ----

    [Test]
    public async Task Inbound_calls_are_handled_one_at_a_time_in_order_even_when_the_first_handler_is_slow()
    {
        var raw = Raw();

        raw.Send("""[2,"in-1","Authorize",{"idTag":"SLOW"}]""");
        raw.Send("""[2,"in-2","Authorize",{"idTag":"FAST"}]""");
        await slowHandlerStarted.Task.Guarded();
        var nothingAnsweredWhileSlow = !raw.HasFrameWaiting;
        releaseSlowHandler.SetResult();
        var first = await raw.NextFrameAsync();
        var second = await raw.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nothingAnsweredWhileSlow, Is.True);
            Assert.That(first.MessageId, Is.EqualTo("in-1"));
            Assert.That(second.MessageId, Is.EqualTo("in-2"));
            Assert.That(handlerLog, Is.EqualTo(new[] { "start SLOW", "end SLOW", "start FAST", "end FAST" }));
        }
    }

    [Test]
    public void A_handler_that_completes_at_once_is_answered_before_Receive_returns()
    {
        var raw = Raw();

        raw.Send("""[2,"now-1","Authorize",{"idTag":"FAST"}]""");

        Assert.That(raw.HasFrameWaiting, Is.True);
    }

    [Test]
    public async Task Calls_that_arrive_behind_a_slow_handler_wait_their_turn_in_order_with_the_calls_before_and_after()
    {
        var raw = Raw();

        raw.Send("""[2,"mix-1","Authorize",{"idTag":"FAST"}]""");
        var first = await raw.NextFrameAsync();
        raw.Send("""[2,"mix-2","Authorize",{"idTag":"SLOW"}]""");
        await slowHandlerStarted.Task.Guarded();
        raw.Send("""[2,"mix-3","Authorize",{"idTag":"BLOCKED"}]""");
        raw.Send("""[2,"mix-4","Authorize",{"idTag":"FAST"}]""");
        var nothingAnsweredWhileSlow = !raw.HasFrameWaiting;
        releaseSlowHandler.SetResult();
        var second = await raw.NextFrameAsync();
        var third = await raw.NextFrameAsync();
        var fourth = await raw.NextFrameAsync();
        raw.Send("""[2,"mix-5","Authorize",{"idTag":"FAST"}]""");
        var fifth = await raw.NextFrameAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nothingAnsweredWhileSlow, Is.True);
            Assert.That(new[] { first, second, third, fourth, fifth }.Select(f => f.MessageId), Is.EqualTo(new[] { "mix-1", "mix-2", "mix-3", "mix-4", "mix-5" }));
            Assert.That(third.Text, Does.Contain("Blocked"));
            Assert.That(handlerLog, Is.EqualTo(new[] { "start FAST", "end FAST", "start SLOW", "end SLOW", "start BLOCKED", "end BLOCKED", "start FAST", "end FAST", "start FAST", "end FAST" }));
        }
    }

    [Test]
    public void With_SendInline_a_waiting_send_loop_takes_the_answer_on_the_receiving_thread()
    {
        var raw = Raw(new OcppRpcOptions { SendInline = true });
        var sent = new List<string>();
        var loop = SendLoopAsync();

        raw.Send("""[2,"inline-1","Authorize",{"idTag":"FAST"}]""");
        var sentBeforeReceiveReturned = sent.ToArray();
        raw.Send("""[2,"inline-2","Heartbeat",{}]""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sentBeforeReceiveReturned, Has.Length.EqualTo(1));
            Assert.That(sentBeforeReceiveReturned[0], Does.StartWith("""[3,"inline-1","""));
            Assert.That(sent, Has.Count.EqualTo(2));
            Assert.That(loop.IsCompleted, Is.False);
        }

        async Task SendLoopAsync()
        {
            while (await raw.Endpoint.Outbound.WaitToReadAsync())
            {
                while (raw.Endpoint.Outbound.TryRead(out var frame))
                {
                    sent.Add(Encoding.UTF8.GetString(frame));
                }
            }
        }
    }

    // ---- Closing on abuse ----

    [Test]
    public async Task MaxConsecutiveBadFrames_bad_frames_in_a_row_ask_the_transport_to_close_with_1002()
    {
        var raw = Raw(new OcppRpcOptions { MaxConsecutiveBadFrames = 3 });

        raw.Send("garbage");
        raw.Send("[]");
        var closeAfterTwo = raw.Endpoint.CloseRequested.IsCompleted;
        raw.Send("""[2,"ok","Heartbeat",{}]""");
        _ = await raw.NextFrameAsync();
        raw.Send("garbage");
        raw.Send("garbage");
        var closeAfterGoodFrameAndTwoMore = raw.Endpoint.CloseRequested.IsCompleted;
        raw.Send("garbage");
        var request = await raw.Endpoint.CloseRequested.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(closeAfterTwo, Is.False);
            Assert.That(closeAfterGoodFrameAndTwoMore, Is.False, "a good CALL resets the count");
            Assert.That(request.Status, Is.EqualTo(1002));
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(5));
        }
    }

    [Test]
    public async Task CALLs_that_earn_a_frame_level_error_count_as_bad_frames_in_a_row()
    {
        var raw = Raw(new OcppRpcOptions { MaxConsecutiveBadFrames = 2 });

        raw.Send("""[2,"n-1","NoSuchAction",{}]""");
        _ = await raw.NextFrameAsync();
        raw.Send("""[2,"n-2","Authorize",{}]""");
        _ = await raw.NextFrameAsync();

        Assert.That((await raw.Endpoint.CloseRequested.Guarded()).Status, Is.EqualTo(1002));
    }

    [Test]
    public void MaxConsecutiveBadFrames_of_zero_never_closes()
    {
        var raw = Raw(new OcppRpcOptions { MaxConsecutiveBadFrames = 0 });

        for (var i = 0; i < 100; i++)
        {
            raw.Send("garbage");
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.Endpoint.CloseRequested.IsCompleted, Is.False);
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(100));
        }
    }

    [Test]
    public async Task A_frame_over_MaxFrameBytes_asks_the_transport_to_close_with_1009_and_one_at_the_limit_is_read()
    {
        var raw = Raw(new OcppRpcOptions { MaxFrameBytes = 64 });
        var atLimit = """[2,"limit","DataTransfer",{"vendorId":"v","data":"xxxxxxxxxxx"}]""";
        Assert.That(Encoding.UTF8.GetByteCount(atLimit), Is.EqualTo(64), "precondition");

        raw.Send(atLimit);
        var answer = await raw.NextFrameAsync();
        var closeAtLimit = raw.Endpoint.CloseRequested.IsCompleted;
        raw.Send(atLimit.Replace("xxxxxxxxxxx", "xxxxxxxxxxxx", StringComparison.Ordinal));
        var request = await raw.Endpoint.CloseRequested.Guarded();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.MessageId, Is.EqualTo("limit"));
            Assert.That(closeAtLimit, Is.False);
            Assert.That(request.Status, Is.EqualTo(1009));
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(1));
            Assert.That(raw.HasFrameWaiting, Is.False, "an oversize frame is not read, so it is not answered");
        }
    }

    [Test]
    public void A_binary_frame_is_counted_and_dropped()
    {
        var observer = new RecordingObserver();
        var raw = Raw(observer: observer);

        raw.Endpoint.ReceiveNonText(Encoding.UTF8.GetBytes("""[2,"b-1","Heartbeat",{}]"""));

        var seen = observer.Events.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.Endpoint.BadFrames, Is.EqualTo(1));
            Assert.That(raw.HasFrameWaiting, Is.False);
            Assert.That(seen.Direction, Is.EqualTo(FrameDirection.In));
            Assert.That(seen.TypeId, Is.Null);
            Assert.That(seen.Fault?.Stage, Is.EqualTo(FrameFaultStage.NotJson));
        }
    }

    // ---- What the observer sees ----

    [Test]
    public async Task The_observer_sees_an_outbound_call_before_the_transport_can_send_it_so_never_after_its_answer()
    {
        // A peer may answer as soon as the CALL is on the wire; an observer pairing CALLs with answers (the
        // Central System's security watcher) must have seen the CALL by then.
        RawPeer? raw = null;
        var queuedWhenObserved = new List<bool>();
        var observer = new CallbackObserver(frame =>
        {
            if (frame is { Direction: FrameDirection.Out, TypeId: MessageTypeId.Call })
            {
                queuedWhenObserved.Add(raw!.HasFrameWaiting);
            }
        });
        raw = Raw(observer: observer);

        var call = raw.Endpoint.CallAsync(new HeartbeatRequest());
        var sent = await raw.NextFrameAsync();
        raw.Answer(sent, $$"""{"currentTime":"{{time.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ}}"}""");
        await call.Guarded();

        Assert.That(queuedWhenObserved, Is.EqualTo(new[] { false }));
    }

    [Test]
    public async Task The_observer_sees_an_outbound_call_and_its_answer_with_the_action_and_the_round_trip()
    {
        var observer = new RecordingObserver();
        var raw = Raw(observer: observer);

        var call = raw.Endpoint.CallAsync(new AuthorizeRequest { IdTag = "TAG-1" });
        var sent = await raw.NextFrameAsync();
        var outEvent = await observer.WaitForAsync(e => e.Direction == FrameDirection.Out);
        time.Advance(TimeSpan.FromMilliseconds(250));
        var answer = $$$"""[3,"{{{sent.MessageId}}}",{"idTagInfo":{"status":"Accepted"}}]""";
        raw.Send(answer);
        await call.Guarded();
        var inEvent = await observer.WaitForAsync(e => e.Direction == FrameDirection.In);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(outEvent.Identity, Is.EqualTo(ChargePointId));
            Assert.That(outEvent.TypeId, Is.EqualTo(MessageTypeId.Call));
            Assert.That(outEvent.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(outEvent.Action, Is.EqualTo("Authorize"));
            Assert.That(outEvent.RoundTrip, Is.Null);
            Assert.That(Encoding.UTF8.GetString(outEvent.Frame.Span), Is.EqualTo(sent.Text));
            Assert.That(outEvent.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 1, 31, 12, 0, 0, TimeSpan.Zero)));

            Assert.That(inEvent.TypeId, Is.EqualTo(MessageTypeId.CallResult));
            Assert.That(inEvent.MessageId, Is.EqualTo(sent.MessageId));
            Assert.That(inEvent.Action, Is.EqualTo("Authorize"), "a response carries the action of its CALL");
            Assert.That(inEvent.RoundTrip, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(Encoding.UTF8.GetString(inEvent.Frame.Span), Is.EqualTo(answer));
            Assert.That(inEvent.Timestamp, Is.EqualTo(new DateTimeOffset(2026, 1, 31, 12, 0, 0, 250, TimeSpan.Zero)));
            Assert.That(observer.Events, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task The_observer_sees_an_inbound_call_and_our_answer_with_the_action_and_the_handling_time()
    {
        var observer = new RecordingObserver();
        var raw = Raw(observer: observer);

        raw.Send("""[2,"in-1","Authorize",{"idTag":"SLOW"}]""");
        await slowHandlerStarted.Task.Guarded();
        time.Advance(TimeSpan.FromMilliseconds(40));
        releaseSlowHandler.SetResult();
        var answer = await raw.NextFrameAsync();
        var outEvent = await observer.WaitForAsync(e => e.Direction == FrameDirection.Out);
        var inEvent = observer.Events[0];

        using (Assert.EnterMultipleScope())
        {
            Assert.That(inEvent.Direction, Is.EqualTo(FrameDirection.In));
            Assert.That(inEvent.TypeId, Is.EqualTo(MessageTypeId.Call));
            Assert.That(inEvent.Action, Is.EqualTo("Authorize"));
            Assert.That(inEvent.RoundTrip, Is.Null);
            Assert.That(outEvent.TypeId, Is.EqualTo(MessageTypeId.CallResult));
            Assert.That(outEvent.MessageId, Is.EqualTo("in-1"));
            Assert.That(outEvent.Action, Is.EqualTo("Authorize"));
            Assert.That(outEvent.RoundTrip, Is.EqualTo(TimeSpan.FromMilliseconds(40)));
            Assert.That(Encoding.UTF8.GetString(outEvent.Frame.Span), Is.EqualTo(answer.Text));
        }
    }

    [Test]
    public async Task The_observer_sees_a_bad_frame_with_its_fault_and_the_CALLERROR_sent_for_it()
    {
        var observer = new RecordingObserver();
        var raw = Raw(observer: observer);

        raw.Send("""[2,"bad",42,{}]""");
        var answer = await raw.NextFrameAsync();
        var events = observer.Events;

        Assert.That(events, Has.Count.EqualTo(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(events[0].Direction, Is.EqualTo(FrameDirection.In));
            Assert.That(events[0].TypeId, Is.EqualTo(MessageTypeId.Call));
            Assert.That(events[0].MessageId, Is.EqualTo("bad"));
            Assert.That(events[0].Fault?.Stage, Is.EqualTo(FrameFaultStage.BadShape));
            Assert.That(events[1].Direction, Is.EqualTo(FrameDirection.Out));
            Assert.That(events[1].TypeId, Is.EqualTo(MessageTypeId.CallError));
            Assert.That(Encoding.UTF8.GetString(events[1].Frame.Span), Is.EqualTo(answer.Text));
        }
    }

    [Test]
    public async Task On_a_link_the_observers_of_both_ends_see_every_frame_once()
    {
        var centralSystemObserver = new RecordingObserver();
        var chargePointObserver = new RecordingObserver();
        var link = Link(centralSystemObserver, chargePointObserver);

        await link.ChargePoint.CallAsync(new HeartbeatRequest()).Guarded();
        await centralSystemObserver.WaitForAsync(e => e.Direction == FrameDirection.Out);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(chargePointObserver.Events.Select(e => (e.Direction, e.TypeId, e.Action)), Is.EquivalentTo(new[]
            {
                (FrameDirection.Out, (MessageTypeId?)MessageTypeId.Call, "Heartbeat"),
                (FrameDirection.In, (MessageTypeId?)MessageTypeId.CallResult, "Heartbeat"),
            }));
            Assert.That(centralSystemObserver.Events.Select(e => (e.Direction, e.TypeId, e.Action)), Is.EquivalentTo(new[]
            {
                (FrameDirection.In, (MessageTypeId?)MessageTypeId.Call, "Heartbeat"),
                (FrameDirection.Out, (MessageTypeId?)MessageTypeId.CallResult, "Heartbeat"),
            }));
        }
    }

    // ---- Every error code reaches the wire ----

    [Test]
    public void Every_error_code_is_produced_on_the_wire_by_at_least_one_test()
    {
        var producers = new Dictionary<OcppErrorCode, string>
        {
            [OcppErrorCode.NotImplemented] = nameof(An_unknown_action_is_answered_NotImplemented),
            [OcppErrorCode.NotSupported] = nameof(A_known_action_without_a_route_is_answered_NotSupported),
            [OcppErrorCode.InternalError] = nameof(A_handler_that_throws_is_answered_InternalError_and_the_endpoint_keeps_working),
            [OcppErrorCode.ProtocolError] = nameof(A_handler_that_throws_OcppCallErrorException_is_answered_with_its_code),
            [OcppErrorCode.SecurityError] = nameof(A_handler_that_throws_OcppCallErrorException_is_answered_with_its_code),
            [OcppErrorCode.GenericError] = nameof(A_peer_that_calls_without_waiting_for_answers_gets_GenericError_once_the_queue_is_full),
            [OcppErrorCode.FormationViolation] = nameof(A_schema_violation_reaches_the_wire_as_its_CALLERROR_code),
            [OcppErrorCode.OccurenceConstraintViolation] = nameof(A_schema_violation_reaches_the_wire_as_its_CALLERROR_code),
            [OcppErrorCode.TypeConstraintViolation] = nameof(A_schema_violation_reaches_the_wire_as_its_CALLERROR_code),
            [OcppErrorCode.PropertyConstraintViolation] = nameof(A_schema_violation_reaches_the_wire_as_its_CALLERROR_code),
        };

        Assert.That(producers.Keys, Is.EquivalentTo(Enum.GetValues<OcppErrorCode>()));
        foreach (var (code, test) in producers)
        {
            var method = typeof(OcppRpcEndpointTests).GetMethod(test);
            Assert.That(method?.IsDefined(typeof(IgnoreAttribute), inherit: false), Is.False, $"{code} is produced by {test}, which must run");
        }
    }

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<OcppCallErrorException> ThrowsCallError(Func<Task> call)
    {
        try
        {
            await call().Guarded();
        }
        catch (OcppCallErrorException e)
        {
            return e;
        }

        Assert.Fail("Expected the peer to answer with a CALLERROR.");
        throw new InvalidOperationException("unreachable");
    }

    private EndpointLink Link(IFrameObserver? centralSystemObserver = null, IFrameObserver? chargePointObserver = null, OcppRpcOptions? chargePointOptions = null)
    {
        var centralSystem = new OcppRpcEndpoint(CentralSystemId, CentralSystemRouter().Bind(ChargePointId), timeProvider: time, observer: centralSystemObserver);
        var chargePoint = new OcppRpcEndpoint(ChargePointId, ChargePointRouter().Bind(ChargePointId), chargePointOptions, time, chargePointObserver);
        var link = new EndpointLink(centralSystem, chargePoint);
        disposables.Add(link);
        return link;
    }

    private RawPeer Raw(OcppRpcOptions? options = null, IOcppCallDispatcher? dispatcher = null, IFrameObserver? observer = null)
    {
        var endpoint = new OcppRpcEndpoint(ChargePointId, dispatcher ?? CentralSystemRouter().Bind(ChargePointId), options, time, observer);
        disposables.Add(endpoint);
        return new RawPeer(endpoint);
    }

    /// <summary>The Central System's routes: what a charge point may call. DataTransfer is left unrouted on purpose.</summary>
    private OcppRouter<string> CentralSystemRouter() =>
        new OcppRouter<string> { HandlerFailed = (_, _, e) => handlerFailures.Add(e) }
            .Map<BootNotificationRequest, BootNotificationResponse>((_, _, _) =>
                ValueTask.FromResult(new BootNotificationResponse { CurrentTime = time.GetUtcNow(), Interval = 300, Status = RegistrationStatus.Accepted }))
            .Map<HeartbeatRequest, HeartbeatResponse>((_, _, _) => ValueTask.FromResult(new HeartbeatResponse { CurrentTime = time.GetUtcNow() }))
            .Map<AuthorizeRequest, AuthorizeResponse>(AuthorizeAsync);

    /// <summary>The charge point's routes: what the Central System may call.</summary>
    private static OcppRouter<string> ChargePointRouter() =>
        new OcppRouter<string>()
            .Map<ClearCacheRequest, ClearCacheResponse>((_, _, _) => ValueTask.FromResult(new ClearCacheResponse { Status = ClearCacheStatus.Accepted }));

    /// <summary>Answers by idTag: SLOW waits for the test, THROW fails, an error code's name refuses with that code.</summary>
    private async ValueTask<AuthorizeResponse> AuthorizeAsync(string context, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        lock (handlerLog)
        {
            handlerLog.Add($"start {request.IdTag}");
        }

        if (request.IdTag == "SLOW")
        {
            slowHandlerStarted.TrySetResult();
            await releaseSlowHandler.Task.WaitAsync(cancellationToken);
        }

        if (request.IdTag == "THROW")
        {
            throw new InvalidOperationException("secret internals");
        }

        if (Enum.TryParse<OcppErrorCode>(request.IdTag, out var code))
        {
            using var details = JsonDocument.Parse($$"""{"idTag":"{{request.IdTag}}"}""");
            throw new OcppCallErrorException(code, $"refused as {request.IdTag}", details.RootElement.Clone());
        }

        lock (handlerLog)
        {
            handlerLog.Add($"end {request.IdTag}");
        }

        var status = request.IdTag == "BLOCKED" ? AuthorizationStatus.Blocked : AuthorizationStatus.Accepted;
        return new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = status } };
    }

    /// <summary>A dispatcher whose first dispatch throws, as a broken host might.</summary>
    private sealed class ThrowingOnceDispatcher : IOcppCallDispatcher
    {
        private int calls;

        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("dispatcher failed")
                : ValueTask.FromResult(new InboundCallOutcome(FrameWriter.CallResult(call.MessageId, Json(HeartbeatAnswer)), null));
    }
}
