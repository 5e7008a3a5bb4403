using System.Text;
using System.Text.Json;
using OcppLab.Protocol.Framing;

namespace OcppLab.Protocol.Tests.Framing;

/// <summary>What reading one frame must give: a frame of a kind with its fields, or a fault.</summary>
public abstract record FrameExpectation;

/// <summary>The bytes read as a CALL.</summary>
public sealed record ReadsAsCall(string MessageId, string Action, string PayloadJson) : FrameExpectation;

/// <summary>The bytes read as a CALLRESULT.</summary>
public sealed record ReadsAsCallResult(string MessageId, string PayloadJson) : FrameExpectation;

/// <summary>The bytes read as a CALLERROR; <paramref name="DetailsJson"/> is null when no (or empty) details were sent.</summary>
public sealed record ReadsAsCallError(string MessageId, OcppErrorCode Code, string WireCode, string Description, string? DetailsJson) : FrameExpectation;

/// <summary>
/// The bytes fail the staged checks at <paramref name="Stage"/>. <paramref name="MessageId"/> is the recovered id
/// (null when none), <paramref name="TypeId"/> the message type number when it was a readable integer.
/// </summary>
public sealed record FailsAt(FrameFaultStage Stage, OcppErrorCode Code, string? MessageId, int? TypeId, bool WarrantsCallError) : FrameExpectation;

/// <summary>
/// FrameReader's staged checks (OCPP-J 1.6 §4): one table of frames, good and bad, each with the outcome it must
/// have. A fault names its stage and code, keeps the message id when it could be read, and says whether the peer
/// is owed a CALLERROR (only for what is, or claims to be, a CALL).
/// </summary>
[TestFixture]
public sealed class FrameReaderTests
{
    private const string Id36 = "0123456789abcdef0123456789abcdef0123";
    private const string Id37 = Id36 + "4";

    private static readonly string HugeData = new('x', 900_000);

    public static IEnumerable<TestCaseData> Frames()
    {
        // Good frames, one per kind, and the lenient readings of a CALLERROR.
        yield return Case("valid CALL",
            """[2,"19223201","BootNotification",{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}]""",
            new ReadsAsCall("19223201", "BootNotification", """{"chargePointVendor":"VendorX","chargePointModel":"SingleSocketCharger"}"""));
        yield return Case("valid CALL with whitespace between the tokens and after the array",
            " [ 2 ,\r\n \"a\" , \"Heartbeat\" , { } ] \n",
            new ReadsAsCall("a", "Heartbeat", "{}"));
        yield return Case("valid CALLRESULT",
            """[3,"19223201",{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}]""",
            new ReadsAsCallResult("19223201", """{"currentTime":"2013-02-01T20:53:32.486Z","interval":300,"status":"Accepted"}"""));
        yield return Case("valid CALLERROR with details",
            """[4,"162376037","NotSupported","SetDisplayMessage is not supported",{"hint":"upgrade"}]""",
            new ReadsAsCallError("162376037", OcppErrorCode.NotSupported, "NotSupported", "SetDisplayMessage is not supported", """{"hint":"upgrade"}"""));
        yield return Case("CALLERROR with empty details and an empty description",
            """[4,"7","InternalError","",{}]""",
            new ReadsAsCallError("7", OcppErrorCode.InternalError, "InternalError", "", null));
        yield return Case("CALLERROR with the 2.x spelling FormatViolation",
            """[4,"7","FormatViolation","bad",{}]""",
            new ReadsAsCallError("7", OcppErrorCode.FormationViolation, "FormatViolation", "bad", null));
        yield return Case("CALLERROR with the 2.x spelling OccurrenceConstraintViolation",
            """[4,"7","OccurrenceConstraintViolation","missing",{}]""",
            new ReadsAsCallError("7", OcppErrorCode.OccurenceConstraintViolation, "OccurrenceConstraintViolation", "missing", null));
        yield return Case("CALLERROR with the 1.6 spelling OccurenceConstraintViolation",
            """[4,"7","OccurenceConstraintViolation","missing",{}]""",
            new ReadsAsCallError("7", OcppErrorCode.OccurenceConstraintViolation, "OccurenceConstraintViolation", "missing", null));
        yield return Case("CALLERROR with an unknown error code",
            """[4,"7","MessageTypeNotSupported","what",{}]""",
            new ReadsAsCallError("7", OcppErrorCode.GenericError, "MessageTypeNotSupported", "what", null));
        yield return Case("message id of 36 characters",
            $$"""[2,"{{Id36}}","Heartbeat",{}]""",
            new ReadsAsCall(Id36, "Heartbeat", "{}"));
        yield return Case("message id with a JSON escape reads unescaped",
            """[2,"a\u0062","Heartbeat",{}]""",
            new ReadsAsCall("ab", "Heartbeat", "{}"));
        yield return Case("huge but valid payload",
            $$"""[2,"big","DataTransfer",{"vendorId":"com.ocpplab","data":"{{HugeData}}"}]""",
            new ReadsAsCall("big", "DataTransfer", $$"""{"vendorId":"com.ocpplab","data":"{{HugeData}}"}"""));
        yield return Case("nesting of exactly 64 levels, the array included",
            $$"""[2,"deep","DataTransfer",{{Nested(63)}}]""",
            new ReadsAsCall("deep", "DataTransfer", Nested(63)));

        // Stage 1: not JSON at all.
        yield return Case("empty input", [], NotJson);
        yield return Case("whitespace only", " \r\n\t ", NotJson);
        yield return Case("invalid UTF-8 bytes", [0xFF, 0xFE, 0xFD], NotJson);
        yield return Case("a UTF-8 byte order mark before the array",
            [0xEF, 0xBB, 0xBF, .. Utf8("""[2,"a","Heartbeat",{}]""")], NotJson);
        yield return Case("invalid UTF-8 inside the message id",
            [.. Utf8("[2,\"a"), 0xFF, .. Utf8("\",\"Heartbeat\",{}]")],
            new FailsAt(FrameFaultStage.NotJson, OcppErrorCode.FormationViolation, null, 2, false));

        // Stage 2: JSON, but not an array.
        yield return Case("an object", """{"messageTypeId":2}""", NotArray);
        yield return Case("a string", "\"[2,\\\"a\\\",\\\"Heartbeat\\\",{}]\"", NotArray);
        yield return Case("a number", "2", NotArray);

        // Stage 3: no known message type; the id is still recovered so that a CALLERROR can be addressed.
        yield return Case("empty array", "[]", new FailsAt(FrameFaultStage.UnknownMessageType, OcppErrorCode.FormationViolation, null, null, false));
        yield return Case("type id 5", """[5,"m1","Heartbeat",{}]""", UnknownType("m1", 5));
        yield return Case("type id 1", """[1,"m1","Heartbeat",{}]""", UnknownType("m1", 1));
        yield return Case("type id 0", """[0,"m1","Heartbeat",{}]""", UnknownType("m1", 0));
        yield return Case("type id -1", """[-1,"m1","Heartbeat",{}]""", UnknownType("m1", -1));
        yield return Case("type id 2.5", """[2.5,"m1","Heartbeat",{}]""", UnknownType("m1", null));
        yield return Case("type id the string \"2\"", """["2","m1","Heartbeat",{}]""", UnknownType("m1", null));
        yield return Case("type id 7 with an id that is not a string", """[7,12,"Heartbeat",{}]""", UnknownType(null, 7));

        // Stage 4: the message id.
        yield return Case("missing id", "[2]", BadId(null, 2, false));
        yield return Case("id not a string", """[2,19223201,"Heartbeat",{}]""", BadId(null, 2, false));
        yield return Case("id null", """[2,null,"Heartbeat",{}]""", BadId(null, 2, false));
        yield return Case("id empty", """[2,"","Heartbeat",{}]""", BadId(null, 2, false));
        yield return Case("id of 37 characters", $$"""[2,"{{Id37}}","Heartbeat",{}]""", BadId(null, 2, false));

        // Stage 5: the shape of the frame's type.
        yield return Case("truncated JSON right after the id", "[2,\"abc\"", BadCall("abc"));
        yield return Case("truncated JSON inside the payload", """[2,"abc","Heartbeat",{"a":""", BadCall("abc"));
        yield return Case("CALL with 3 elements", """[2,"abc","Heartbeat"]""", BadCall("abc"));
        yield return Case("CALL with 5 elements", """[2,"abc","Heartbeat",{},{}]""", BadCall("abc"));
        yield return Case("action not a string", """[2,"abc",42,{}]""", BadCall("abc"));
        yield return Case("empty action", """[2,"abc","",{}]""", BadCall("abc"));
        yield return Case("invalid UTF-8 inside the action",
            [.. Utf8("[2,\"abc\",\"Heart"), 0xC3, .. Utf8("\",{}]")], BadCall("abc"));
        yield return Case("invalid UTF-8 inside a payload string",
            [.. Utf8("[2,\"abc\",\"DataTransfer\",{\"vendorId\":\"v\",\"data\":\""), 0xFF, .. Utf8("\"}]")], BadCall("abc"));
        yield return Case("CALL payload an array", """[2,"abc","Heartbeat",[]]""", BadCall("abc"));
        yield return Case("CALL payload null", """[2,"abc","Heartbeat",null]""", BadCall("abc"));
        yield return Case("CALL payload a string", """[2,"abc","Heartbeat","{}"]""", BadCall("abc"));
        yield return Case("trailing content after the array", """[2,"abc","Heartbeat",{}] x""", BadCall("abc"));
        yield return Case("a second array after the array", """[2,"abc","Heartbeat",{}][]""", BadCall("abc"));
        yield return Case("nesting deeper than 64 levels", $$"""[2,"deep","DataTransfer",{{Nested(64)}}]""", BadCall("deep"));
        yield return Case("nesting of 10000 levels", $$"""[2,"deep","DataTransfer",{{Nested(10_000)}}]""", BadCall("deep"));
        yield return Case("truncated CALLRESULT right after the id", "[3,\"abc\"", BadResponse("abc", 3));
        yield return Case("invalid UTF-8 inside a CALLRESULT payload string",
            [.. Utf8("[3,\"abc\",{\"data\":\""), 0xFF, .. Utf8("\"}]")], BadResponse("abc", 3));
        yield return Case("CALLRESULT payload an array", """[3,"abc",[]]""", BadResponse("abc", 3));
        yield return Case("CALLRESULT payload a string", """[3,"abc","Accepted"]""", BadResponse("abc", 3));
        yield return Case("CALLRESULT payload null", """[3,"abc",null]""", BadResponse("abc", 3));
        yield return Case("CALLRESULT with 4 elements", """[3,"abc",{},{}]""", BadResponse("abc", 3));
        yield return Case("CALLERROR with 4 elements", """[4,"abc","GenericError","no details"]""", BadResponse("abc", 4));
        yield return Case("CALLERROR code not a string", """[4,"abc",5,"d",{}]""", BadResponse("abc", 4));
        yield return Case("CALLERROR description not a string", """[4,"abc","GenericError",null,{}]""", BadResponse("abc", 4));
        yield return Case("CALLERROR details null", """[4,"abc","GenericError","d",null]""", BadResponse("abc", 4));
    }

    [TestCaseSource(nameof(Frames))]
    public void Each_frame_reads_as_its_kind_and_fields_or_fails_at_its_stage(byte[] bytes, FrameExpectation expected)
    {
        var read = FrameReader.TryRead(bytes, out var frame, out var fault);

        if (expected is FailsAt failure)
        {
            Assert.That(read, Is.False, "the frame must not read");
            Assert.That(frame, Is.Null);
            Assert.That(fault, Is.Not.Null);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(fault!.Stage, Is.EqualTo(failure.Stage), fault.Description);
                Assert.That(fault.Code, Is.EqualTo(failure.Code));
                Assert.That(fault.MessageId, Is.EqualTo(failure.MessageId), "recovered message id");
                Assert.That(fault.TypeId, Is.EqualTo(failure.TypeId), "message type number");
                Assert.That(fault.WarrantsCallError, Is.EqualTo(failure.WarrantsCallError), "a CALLERROR is warranted");
                Assert.That(fault.Description, Is.Not.Empty);
            }

            return;
        }

        Assert.That(read, Is.True, () => $"the frame must read, but: {fault?.Stage} {fault?.Description}");
        Assert.That(fault, Is.Null);
        switch (expected)
        {
            case ReadsAsCall call:
                Assert.That(frame, Is.TypeOf<Call>());
                var c = (Call)frame!;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(c.TypeId, Is.EqualTo(MessageTypeId.Call));
                    Assert.That(c.MessageId, Is.EqualTo(call.MessageId));
                    Assert.That(c.Action, Is.EqualTo(call.Action));
                    Assert.That(SameJson(c.Payload, call.PayloadJson), Is.True, "payload");
                }

                break;
            case ReadsAsCallResult result:
                Assert.That(frame, Is.TypeOf<CallResult>());
                var r = (CallResult)frame!;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(r.TypeId, Is.EqualTo(MessageTypeId.CallResult));
                    Assert.That(r.MessageId, Is.EqualTo(result.MessageId));
                    Assert.That(SameJson(r.Payload, result.PayloadJson), Is.True, "payload");
                }

                break;
            case ReadsAsCallError error:
                Assert.That(frame, Is.TypeOf<CallError>());
                var e = (CallError)frame!;
                using (Assert.EnterMultipleScope())
                {
                    Assert.That(e.TypeId, Is.EqualTo(MessageTypeId.CallError));
                    Assert.That(e.MessageId, Is.EqualTo(error.MessageId));
                    Assert.That(e.Code, Is.EqualTo(error.Code));
                    Assert.That(e.WireCode, Is.EqualTo(error.WireCode));
                    Assert.That(e.Description, Is.EqualTo(error.Description));
                    if (error.DetailsJson is null)
                    {
                        Assert.That(e.Details, Is.Null, "details");
                    }
                    else
                    {
                        Assert.That(e.Details.HasValue && SameJson(e.Details.Value, error.DetailsJson), Is.True, "details");
                    }
                }

                break;
            default:
                Assert.Fail($"Unknown expectation {expected}.");
                break;
        }
    }

    [Test]
    public void The_table_covers_every_fault_stage_and_every_frame_kind()
    {
        var expectations = Frames().Select(c => (FrameExpectation)c.Arguments[1]!).ToList();

        var stages = expectations.OfType<FailsAt>().Select(f => f.Stage).Distinct();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stages, Is.EquivalentTo(Enum.GetValues<FrameFaultStage>()));
            Assert.That(expectations.OfType<ReadsAsCall>(), Is.Not.Empty);
            Assert.That(expectations.OfType<ReadsAsCallResult>(), Is.Not.Empty);
            Assert.That(expectations.OfType<ReadsAsCallError>(), Is.Not.Empty);
        }
    }

    [Test]
    public void A_frame_read_from_a_slice_of_a_larger_buffer_reads_only_that_slice()
    {
        var buffer = Utf8("""xx[2,"s","Heartbeat",{}]yy""");

        var read = FrameReader.TryRead(buffer.AsSpan(2, buffer.Length - 4), out var frame, out _);

        Assert.That(read, Is.True);
        Assert.That(frame, Is.TypeOf<Call>().With.Property(nameof(Call.MessageId)).EqualTo("s"));
    }

    [Test]
    public void A_read_payload_outlives_the_buffer_it_was_read_from()
    {
        var buffer = Utf8("""[2,"s","Authorize",{"idTag":"TAG-1"}]""");
        _ = FrameReader.TryRead(buffer, out var frame, out _);

        Array.Clear(buffer);

        Assert.That(((Call)frame!).Payload.GetProperty("idTag").GetString(), Is.EqualTo("TAG-1"));
    }

    private static FailsAt NotJson => new(FrameFaultStage.NotJson, OcppErrorCode.FormationViolation, null, null, false);

    private static FailsAt NotArray => new(FrameFaultStage.NotArray, OcppErrorCode.FormationViolation, null, null, false);

    private static FailsAt UnknownType(string? id, int? typeId) =>
        new(FrameFaultStage.UnknownMessageType, OcppErrorCode.FormationViolation, id, typeId, id is not null);

    private static FailsAt BadId(string? id, int typeId, bool warrantsCallError) =>
        new(FrameFaultStage.BadMessageId, OcppErrorCode.FormationViolation, id, typeId, warrantsCallError);

    /// <summary>A CALL whose shape is wrong: the id is known, so the peer is owed a CALLERROR.</summary>
    private static FailsAt BadCall(string id) => new(FrameFaultStage.BadShape, OcppErrorCode.FormationViolation, id, 2, true);

    /// <summary>A CALLRESULT or CALLERROR whose shape is wrong: never answered (OCPP-J 1.6 §4.2.3).</summary>
    private static FailsAt BadResponse(string id, int typeId) => new(FrameFaultStage.BadShape, OcppErrorCode.FormationViolation, id, typeId, false);

    private static TestCaseData Case(string name, string text, FrameExpectation expected) => Case(name, Utf8(text), expected);

    private static TestCaseData Case(string name, byte[] bytes, FrameExpectation expected) =>
        new TestCaseData(bytes, expected).SetArgDisplayNames(name);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>An object nested <paramref name="levels"/> deep: <c>{"a":{"a":...{}}}</c>.</summary>
    private static string Nested(int levels)
    {
        var builder = new StringBuilder(levels * 7);
        for (var i = 1; i < levels; i++)
        {
            builder.Append("{\"a\":");
        }

        builder.Append("{}");
        builder.Append('}', levels - 1);
        return builder.ToString();
    }

    private static bool SameJson(JsonElement actual, string expectedJson)
    {
        using var expected = JsonDocument.Parse(expectedJson, new JsonDocumentOptions { MaxDepth = 128 });
        return JsonElement.DeepEquals(actual, expected.RootElement);
    }
}
