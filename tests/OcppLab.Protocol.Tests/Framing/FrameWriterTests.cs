using System.Text;
using System.Text.Json;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Tests.Framing;

/// <summary>FrameWriter writes exact OCPP-J text (OCPP-J 1.6 §4), and what it writes reads back unchanged.</summary>
[TestFixture]
public sealed class FrameWriterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 31, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_typed_CALL_is_written_as_type_id_action_and_payload()
    {
        var request = new BootNotificationRequest { ChargePointVendor = "VendorX", ChargePointModel = "SingleSocketCharger" };

        var bytes = FrameWriter.Call("19223201", BootNotificationRequest.Action, request, OcppJsonContext.Default.BootNotificationRequest);

        Assert.That(Text(bytes), Is.EqualTo("""[2,"19223201","BootNotification",{"chargePointModel":"SingleSocketCharger","chargePointVendor":"VendorX"}]"""));
    }

    [Test]
    public void A_CALL_with_an_empty_payload_is_written_with_an_empty_object()
    {
        var bytes = FrameWriter.Call("hb-1", HeartbeatRequest.Action, new HeartbeatRequest(), OcppJsonContext.Default.HeartbeatRequest);

        Assert.That(Text(bytes), Is.EqualTo("""[2,"hb-1","Heartbeat",{}]"""));
    }

    [Test]
    public void A_CALL_known_only_by_its_type_metadata_is_written_like_a_typed_one()
    {
        object request = new AuthorizeRequest { IdTag = "TAG-1" };

        var bytes = FrameWriter.Call("a-1", "Authorize", request, OcppJsonContext.Default.AuthorizeRequest);

        Assert.That(Text(bytes), Is.EqualTo("""[2,"a-1","Authorize",{"idTag":"TAG-1"}]"""));
    }

    [Test]
    public void A_CALL_with_a_raw_payload_is_written_with_that_payload_as_it_is()
    {
        using var payload = JsonDocument.Parse("""{ "idTag" : 5, "extra": [true, null] }""");

        var bytes = FrameWriter.Call("raw", "Authorize", payload.RootElement);

        Assert.That(Text(bytes), Is.EqualTo("""[2,"raw","Authorize",{"idTag":5,"extra":[true,null]}]"""));
    }

    [Test]
    public void A_typed_CALLRESULT_is_written_with_a_UTC_timestamp_with_milliseconds()
    {
        var response = new BootNotificationResponse { CurrentTime = Noon.ToOffset(TimeSpan.FromHours(2)), Interval = 300, Status = RegistrationStatus.Accepted };

        var bytes = FrameWriter.CallResult("19223201", response, OcppJsonContext.Default.BootNotificationResponse);

        Assert.That(Text(bytes), Is.EqualTo("""[3,"19223201",{"currentTime":"2026-01-31T12:00:00.000Z","interval":300,"status":"Accepted"}]"""));
    }

    [Test]
    public void A_CALLRESULT_with_a_raw_payload_is_written_with_that_payload_as_it_is()
    {
        using var payload = JsonDocument.Parse("""{"status":"Whatever"}""");

        var bytes = FrameWriter.CallResult("r-1", payload.RootElement);

        Assert.That(Text(bytes), Is.EqualTo("""[3,"r-1",{"status":"Whatever"}]"""));
    }

    [Test]
    public void CALLERROR_details_default_to_an_empty_object()
    {
        var bytes = FrameWriter.CallError("e-1", OcppErrorCode.NotSupported, "not here");

        Assert.That(Text(bytes), Is.EqualTo("""[4,"e-1","NotSupported","not here",{}]"""));
    }

    [Test]
    public void CALLERROR_details_that_are_not_an_object_are_written_as_an_empty_object()
    {
        using var array = JsonDocument.Parse("[1,2]");

        var bytes = FrameWriter.CallError("e-1", OcppErrorCode.GenericError, "d", array.RootElement);

        Assert.That(Text(bytes), Is.EqualTo("""[4,"e-1","GenericError","d",{}]"""));
    }

    [Test]
    public void CALLERROR_details_that_are_an_object_are_written_as_they_are()
    {
        using var details = JsonDocument.Parse("""{"path":"$.idTag","limit":20}""");

        var bytes = FrameWriter.CallError("e-1", OcppErrorCode.PropertyConstraintViolation, "too long", details.RootElement);

        Assert.That(Text(bytes), Is.EqualTo("""[4,"e-1","PropertyConstraintViolation","too long",{"path":"$.idTag","limit":20}]"""));
    }

    [Test]
    public void A_CALLERROR_may_have_an_empty_description()
    {
        var bytes = FrameWriter.CallError("e-1", OcppErrorCode.InternalError, "");

        Assert.That(Text(bytes), Is.EqualTo("""[4,"e-1","InternalError","",{}]"""));
    }

    [TestCase(OcppErrorCode.NotImplemented, "NotImplemented")]
    [TestCase(OcppErrorCode.NotSupported, "NotSupported")]
    [TestCase(OcppErrorCode.InternalError, "InternalError")]
    [TestCase(OcppErrorCode.ProtocolError, "ProtocolError")]
    [TestCase(OcppErrorCode.SecurityError, "SecurityError")]
    [TestCase(OcppErrorCode.FormationViolation, "FormationViolation")]
    [TestCase(OcppErrorCode.PropertyConstraintViolation, "PropertyConstraintViolation")]
    [TestCase(OcppErrorCode.OccurenceConstraintViolation, "OccurenceConstraintViolation")]
    [TestCase(OcppErrorCode.TypeConstraintViolation, "TypeConstraintViolation")]
    [TestCase(OcppErrorCode.GenericError, "GenericError")]
    public void Every_error_code_is_written_with_its_OCPP_1_6_spelling(OcppErrorCode code, string spelling)
    {
        var bytes = FrameWriter.CallError("x", code, "d");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(code.ToWire(), Is.EqualTo(spelling));
            Assert.That(Text(bytes), Is.EqualTo($$"""[4,"x","{{spelling}}","d",{}]"""));
            Assert.That(OcppErrorCodes.TryParse(spelling, out var parsed), Is.True);
            Assert.That(parsed, Is.EqualTo(code));
        }
    }

    [Test]
    public void There_are_exactly_the_ten_error_codes_of_OCPP_J_1_6_with_distinct_spellings()
    {
        var spellings = Enum.GetValues<OcppErrorCode>().Select(c => c.ToWire()).ToList();

        Assert.That(spellings, Is.Unique.And.Count.EqualTo(10));
        Assert.That(spellings, Does.Not.Contain("FormatViolation").And.Not.Contain("OccurrenceConstraintViolation"));
    }

    [Test]
    public void A_value_that_is_not_an_error_code_cannot_be_written()
    {
        Assert.That(() => FrameWriter.CallError("x", (OcppErrorCode)99, "d"), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_CALLERROR_read_with_a_2_x_spelling_is_written_back_with_the_1_6_spelling()
    {
        _ = FrameReader.TryRead(Encoding.UTF8.GetBytes("""[4,"e","OccurrenceConstraintViolation","d",{}]"""), out var frame, out _);

        var bytes = FrameWriter.Write(frame!);

        Assert.That(Text(bytes), Is.EqualTo("""[4,"e","OccurenceConstraintViolation","d",{}]"""));
    }

    [Test]
    public void Text_is_escaped_only_where_JSON_requires_it()
    {
        var bytes = FrameWriter.CallError("i", OcppErrorCode.GenericError, "quote \" backslash \\ newline \n é € <a>&'+");

        Assert.That(Text(bytes), Is.EqualTo("""[4,"i","GenericError","quote \" backslash \\ newline \n é € <a>&'+",{}]"""));
    }

    [Test]
    public void Strings_that_need_escaping_survive_the_round_trip()
    {
        const string Tricky = "quote \" backslash \\ tab \t newline \n é € 😀 </script>";

        var bytes = FrameWriter.CallError("id \"1\"", OcppErrorCode.GenericError, Tricky);
        var read = FrameReader.TryRead(bytes, out var frame, out _);

        Assert.That(read, Is.True);
        var error = (CallError)frame!;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(error.MessageId, Is.EqualTo("id \"1\""));
            Assert.That(error.Description, Is.EqualTo(Tricky));
        }
    }

    public static IEnumerable<TestCaseData> Frames()
    {
        yield return new TestCaseData("""[2,"c-1","Authorize",{"idTag":"TAG-1"}]""").SetArgDisplayNames("CALL");
        yield return new TestCaseData("""[2,"c-2","DataTransfer",{"vendorId":"v","data":"[1,{\"a\":null}]"}]""").SetArgDisplayNames("CALL with nested JSON text in a string");
        yield return new TestCaseData("""[3,"r-1",{"idTagInfo":{"status":"Accepted","expiryDate":"2026-01-31T12:00:00.000Z"}}]""").SetArgDisplayNames("CALLRESULT");
        yield return new TestCaseData("""[3,"r-2",{}]""").SetArgDisplayNames("CALLRESULT with an empty payload");
        yield return new TestCaseData("""[4,"e-1","SecurityError","no",{}]""").SetArgDisplayNames("CALLERROR without details");
        yield return new TestCaseData("""[4,"e-2","ProtocolError","incomplete",{"missing":["idTag"]}]""").SetArgDisplayNames("CALLERROR with details");
    }

    [TestCaseSource(nameof(Frames))]
    public void Reading_a_written_frame_gives_back_the_same_frame(string canonical)
    {
        _ = FrameReader.TryRead(Encoding.UTF8.GetBytes(canonical), out var original, out var fault);
        Assert.That(fault, Is.Null, fault?.Description);

        var written = FrameWriter.Write(original!);
        var read = FrameReader.TryRead(written, out var again, out fault);

        Assert.That(read, Is.True, fault?.Description);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(written), Is.EqualTo(canonical), "compact canonical text is written unchanged");
            Assert.That(again!.GetType(), Is.EqualTo(original!.GetType()));
            Assert.That(again.TypeId, Is.EqualTo(original.TypeId));
            Assert.That(again.MessageId, Is.EqualTo(original.MessageId));
            switch (original)
            {
                case Call c:
                    var c2 = (Call)again;
                    Assert.That(c2.Action, Is.EqualTo(c.Action));
                    Assert.That(JsonElement.DeepEquals(c2.Payload, c.Payload), Is.True, "payload");
                    break;
                case CallResult r:
                    Assert.That(JsonElement.DeepEquals(((CallResult)again).Payload, r.Payload), Is.True, "payload");
                    break;
                case CallError e:
                    var e2 = (CallError)again;
                    Assert.That(e2.Code, Is.EqualTo(e.Code));
                    Assert.That(e2.WireCode, Is.EqualTo(e.WireCode));
                    Assert.That(e2.Description, Is.EqualTo(e.Description));
                    Assert.That(e2.Details.HasValue, Is.EqualTo(e.Details.HasValue), "details present");
                    if (e.Details is { } details)
                    {
                        Assert.That(JsonElement.DeepEquals(e2.Details!.Value, details), Is.True, "details");
                    }

                    break;
            }
        }
    }

    [Test]
    public void A_typed_round_trip_through_the_frame_gives_back_an_equal_request_and_response()
    {
        var request = new AuthorizeRequest { IdTag = "TAG-1" };
        var response = new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted, ExpiryDate = Noon, ParentIdTag = "FLEET" } };

        _ = FrameReader.TryRead(FrameWriter.Call("c", AuthorizeRequest.Action, request, OcppJsonContext.Default.AuthorizeRequest), out var call, out _);
        _ = FrameReader.TryRead(FrameWriter.CallResult("c", response, OcppJsonContext.Default.AuthorizeResponse), out var result, out _);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(((Call)call!).Payload.Deserialize(OcppJsonContext.Default.AuthorizeRequest), Is.EqualTo(request));
            Assert.That(((CallResult)result!).Payload.Deserialize(OcppJsonContext.Default.AuthorizeResponse), Is.EqualTo(response));
        }
    }

    [Test]
    public void Frames_written_one_after_another_on_one_thread_each_get_their_own_exact_bytes()
    {
        var largePayload = $$"""{"vendorId":"V","data":"{{new string('x', 40_000)}}"}""";
        using var large = JsonDocument.Parse(largePayload);

        var first = FrameWriter.CallResult("r-1", new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }, OcppJsonContext.Default.AuthorizeResponse);
        var big = FrameWriter.Call("c-2", "DataTransfer", large.RootElement);
        var error = FrameWriter.CallError("e-3", OcppErrorCode.NotSupported, "no");
        var last = FrameWriter.CallResult("r-4", new AuthorizeResponse { IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Blocked } }, OcppJsonContext.Default.AuthorizeResponse);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Text(first), Is.EqualTo("""[3,"r-1",{"idTagInfo":{"status":"Accepted"}}]"""));
            Assert.That(Text(big), Is.EqualTo($"""[2,"c-2","DataTransfer",{largePayload}]"""));
            Assert.That(Text(error), Is.EqualTo("""[4,"e-3","NotSupported","no",{}]"""));
            Assert.That(Text(last), Is.EqualTo("""[3,"r-4",{"idTagInfo":{"status":"Blocked"}}]"""));
        }
    }

    [Test]
    public void A_frame_whose_payload_fails_to_serialize_leaves_the_next_frame_intact()
    {
        Assert.That(() => FrameWriter.Call("bad-1", "X", new object(), OcppJsonContext.Default.AuthorizeRequest), Throws.Exception);

        var next = FrameWriter.CallError("e-2", OcppErrorCode.GenericError, "after");

        Assert.That(Text(next), Is.EqualTo("""[4,"e-2","GenericError","after",{}]"""));
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
