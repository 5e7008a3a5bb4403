using System.Net.WebSockets;
using System.Text;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>One frame a fuzzer sends, and what the Central System must answer to it.</summary>
/// <param name="Kind">What was done to the frame (for the run's statistics).</param>
/// <param name="Bytes">The bytes on the wire.</param>
/// <param name="Type">Text or binary.</param>
/// <param name="Expected">The id a CALL answer must carry (null when nothing may be answered) and the answers that are right.</param>
internal sealed record FuzzFrame(string Kind, byte[] Bytes, WebSocketMessageType Type, FrameExpectation Expected)
{
    /// <summary>The id of a would-be CALL the Central System must answer; null when nothing may be answered.</summary>
    public string? AnswerableId => Expected.Id;
}

/// <summary>
/// Makes mutated and random frames from a seeded <see cref="Random"/>: the same seed gives the same frames,
/// whatever the Central System does with them, so a failing run can be replayed.
/// </summary>
internal sealed class FrameFuzzer(int seed, string idPrefix, int maxFrameBytes)
{
    private const string Timestamp = "2026-03-01T08:00:00.000Z";

    // Well-formed CALLs of every kind a station sends, plus ones it must not: the seeds of the mutations.
    private static readonly (string Action, string Payload)[] Corpus =
    [
        ("Heartbeat", "{}"),
        ("BootNotification", """{"chargePointVendor":"Fuzz","chargePointModel":"F1"}"""),
        ("Authorize", """{"idTag":"FUZZTAG"}"""),
        ("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Available"}"""),
        ("StartTransaction", $$"""{"connectorId":1,"idTag":"FUZZTAG","meterStart":0,"timestamp":"{{Timestamp}}"}"""),
        ("MeterValues", $$"""{"connectorId":1,"meterValue":[{"timestamp":"{{Timestamp}}","sampledValue":[{"value":"12","measurand":"Energy.Active.Import.Register"}]}]}"""),
        // Transaction ids far below the healthy station's (it starts at 1,000,000): see the report of issue 9.
        ("StopTransaction", $$"""{"transactionId":7,"meterStop":10,"timestamp":"{{Timestamp}}"}"""),
        ("DataTransfer", """{"vendorId":"fuzz","messageId":"m","data":"x"}"""),
        ("FirmwareStatusNotification", """{"status":"Idle"}"""),
        ("DiagnosticsStatusNotification", """{"status":"Idle"}"""),
        ("SecurityEventNotification", $$"""{"type":"FuzzEvent","timestamp":"{{Timestamp}}"}"""),
        ("FlyToTheMoon", "{}"),
        ("Reset", """{"type":"Hard"}"""),
    ];

    // Payloads whose one fault is known, with the CALLERROR code OCPP-J 1.6 §4.2.3 gives it.
    private static readonly (string Action, string Payload, string Code)[] Faults =
    [
        ("Authorize", "{}", "OccurenceConstraintViolation"),
        ("Authorize", """{"idTag":42}""", "TypeConstraintViolation"),
        ("Authorize", """{"idTag":"ABCDEFGHIJKLMNOPQRSTU"}""", "PropertyConstraintViolation"),
        ("Heartbeat", """{"extra":1}""", "FormationViolation"),
        ("StatusNotification", """{"connectorId":1,"errorCode":"NoError","status":"Sideways"}""", "PropertyConstraintViolation"),
        ("StartTransaction", $$"""{"connectorId":1,"idTag":"FUZZTAG","meterStart":"zero","timestamp":"{{Timestamp}}"}""", "TypeConstraintViolation"),
        ("StartTransaction", """{"connectorId":1,"idTag":"FUZZTAG","meterStart":0,"timestamp":"yesterday"}""", "PropertyConstraintViolation"),
        ("StopTransaction", """{"meterStop":10,"timestamp":"2026-03-01T08:00:00.000Z"}""", "OccurenceConstraintViolation"),
    ];

    private static readonly string[] WrongTypeIds = ["0", "1", "5", "9", "-1", "\"2\"", "2.5", "2e0", "null", "true", "3", "4", "99999999999"];

    // A binary message gets no answer (OCPP-J uses text frames only), and one over the size limit ends the connection (1009).
    private static readonly FrameExpectation NotAnswered = new(null, new HashSet<string>(), "not answered");

    private readonly Random random = new(seed);
    private readonly List<string> callIds = [];
    private int counter;

    /// <summary>The next frame; roughly one in 160 is over the size limit and ends the connection with 1009.</summary>
    public FuzzFrame Next()
    {
        var roll = random.Next(1100);
        return roll switch
        {
            < 100 => Valid(),
            >= 1000 => Fault(),
            < 200 => Text("byte-flip", FlipBytes(Call(NewId(), Pick()))),
            < 280 => Text("truncated", Truncate(Call(NewId(), Pick()))),
            < 360 => Text("inserted", Insert(Call(NewId(), Pick()))),
            < 430 => Text("invalid-utf8", InvalidUtf8(Call(NewId(), Pick()))),
            < 500 => Text("wrong-arity", WrongArity()),
            < 570 => Text("wrong-type-id", WrongTypeId()),
            < 620 => Text("huge", Huge()),
            < 680 => Text("deeply-nested", DeeplyNested()),
            < 740 => Text("duplicate-id", Call(callIds.Count > 0 ? callIds[random.Next(callIds.Count)] : NewId(), ("Heartbeat", "{}"))),
            < 790 => Text("result-never-asked", Encoding.UTF8.GetBytes($$"""[3,"{{NewId()}}",{"status":"Accepted"}]""")),
            < 840 => Text("error-never-asked", Encoding.UTF8.GetBytes($$"""[4,"{{NewId()}}","GenericError","fuzz",{}]""")),
            < 880 => new FuzzFrame("binary", Call(NewId(), Pick()), WebSocketMessageType.Binary, NotAnswered),
            < 930 => Text("random-bytes", RandomBytes(random.Next(1, 200))),
            < 993 => Text("random-json", Encoding.UTF8.GetBytes(RandomJson(4))),
            _ => new FuzzFrame("oversize", Oversize(), WebSocketMessageType.Text, NotAnswered),
        };
    }

    private FuzzFrame Text(string kind, byte[] bytes)
    {
        var expected = OcppJFrameOracle.Expect(bytes, OcppJFrameOracle.ChargePointActions);
        if (expected.Id is { } id)
        {
            callIds.Add(id);
        }

        return new FuzzFrame(kind, bytes, WebSocketMessageType.Text, expected);
    }

    // An unchanged CALL of the corpus: a handled action's well-formed payload is answered with a CALLRESULT.
    private FuzzFrame Valid()
    {
        var frame = Text("valid", Call(NewId(), Pick()));
        return frame.Expected.Reason == "payload of a handled action" ? frame with { Expected = frame.Expected.Exactly(OcppJFrameOracle.CallResult) } : frame;
    }

    private FuzzFrame Fault()
    {
        var (action, payload, code) = Faults[random.Next(Faults.Length)];
        var frame = Text("payload-fault", Call(NewId(), (action, payload)));
        return frame with { Expected = frame.Expected.Exactly(code) };
    }

    private string NewId() => $"{idPrefix}-{++counter}";

    private (string Action, string Payload) Pick() => Corpus[random.Next(Corpus.Length)];

    private static byte[] Call(string id, (string Action, string Payload) call) =>
        Encoding.UTF8.GetBytes($$"""[2,"{{id}}","{{call.Action}}",{{call.Payload}}]""");

    private byte[] FlipBytes(byte[] frame)
    {
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            frame[random.Next(frame.Length)] ^= (byte)(1 << random.Next(8));
        }

        return frame;
    }

    private byte[] Truncate(byte[] frame) => frame[..random.Next(frame.Length)];

    private byte[] Insert(byte[] frame)
    {
        var at = random.Next(frame.Length + 1);
        return [.. frame[..at], .. RandomBytes(random.Next(1, 8)), .. frame[at..]];
    }

    private byte[] InvalidUtf8(byte[] frame)
    {
        // Inside a string when possible: a lone continuation byte, an overlong form, a surrogate, a cut sequence.
        byte[][] bad = [[0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        var quotes = Enumerable.Range(0, frame.Length).Where(i => frame[i] == (byte)'"').ToList();
        var at = quotes.Count > 0 ? quotes[random.Next(quotes.Count)] + 1 : random.Next(frame.Length + 1);
        return [.. frame[..at], .. bad[random.Next(bad.Length)], .. frame[at..]];
    }

    private byte[] WrongArity()
    {
        var (action, payload) = Pick();
        var id = NewId();
        string[] shapes =
        [
            "[]",
            "[2]",
            $$"""[2,"{{id}}"]""",
            $$"""[2,"{{id}}","{{action}}"]""",
            $$"""[2,"{{id}}","{{action}}",{{payload}},{}]""",
            $$"""[2,"{{id}}","{{action}}",{{payload}},{},"more",1]""",
            $$"""[3,"{{id}}"]""",
            $$"""[3,"{{id}}",{},{}]""",
            $$"""[4,"{{id}}","GenericError"]""",
            $$"""[4,"{{id}}","GenericError","d",{},{}]""",
        ];
        return Encoding.UTF8.GetBytes(shapes[random.Next(shapes.Length)]);
    }

    private byte[] WrongTypeId()
    {
        var (action, payload) = Pick();
        return Encoding.UTF8.GetBytes($$"""[{{WrongTypeIds[random.Next(WrongTypeIds.Length)]}},"{{NewId()}}","{{action}}",{{payload}}]""");
    }

    private byte[] Huge()
    {
        // Just under the limit: read in full, checked, and refused or accepted on its merits.
        var filler = new string('d', Math.Max(0, maxFrameBytes - 200 - random.Next(1000)));
        return random.Next(2) == 0
            ? Encoding.UTF8.GetBytes($$"""[2,"{{NewId()}}","DataTransfer",{"vendorId":"fuzz","data":"{{filler}}"}]""")
            : Encoding.UTF8.GetBytes($$"""[2,"{{NewId()}}","Authorize",{"idTag":"{{filler}}"}]""");
    }

    private byte[] DeeplyNested()
    {
        var depth = random.Next(60, 5000);
        var open = random.Next(2) == 0 ? "[" : "{\"a\":";
        var close = open == "[" ? "]" : "}";
        var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
        return Encoding.UTF8.GetBytes($$"""[2,"{{NewId()}}","DataTransfer",{"vendorId":"fuzz","data":{{nested}}}]""");
    }

    private byte[] Oversize()
    {
        var filler = new string('o', maxFrameBytes + 1 + random.Next(4096));
        return Encoding.UTF8.GetBytes($$"""[2,"{{NewId()}}","DataTransfer",{"vendorId":"fuzz","data":"{{filler}}"}]""");
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private string RandomJson(int depth)
    {
        var choice = random.Next(depth > 0 ? 8 : 5);
        return choice switch
        {
            0 => random.Next(-5, 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => $"\"{NewId()}\"",
            2 => "null",
            3 => random.Next(2) == 0 ? "true" : "false",
            4 => "1.5e300",
            5 or 6 => "[" + string.Join(",", Enumerable.Range(0, random.Next(0, 6)).Select(_ => RandomJson(depth - 1))) + "]",
            _ => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(i => $"\"k{i}\":{RandomJson(depth - 1)}")) + "}",
        };
    }
}
