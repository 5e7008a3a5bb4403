using System.Text;
using System.Text.Json;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Simulator.Tests.Support;
using OcppLab.Tests.Shared;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// Issue 9, bad input to the charge point: a Central System that sends broken frames and CALLs with bad
/// payloads while a transaction runs. The charge point answers what has an id with the fitting CALLERROR
/// (OCPP-J 1.6 §4.2.3), drops the rest, and its transaction goes on as if nothing happened.
/// </summary>
public sealed class BadFramesFromCentralSystemTests
{
    public static IEnumerable<TestCaseData> Answered()
    {
        yield return Case("""[2,"evil-1","Reset",{}]""", "OccurenceConstraintViolation", "a missing required member");
        yield return Case("""[2,"evil-1","Reset",{"type":"Sideways"}]""", "PropertyConstraintViolation", "a value outside the enumeration");
        yield return Case("""[2,"evil-1","UnlockConnector",{"connectorId":"one"}]""", "TypeConstraintViolation", "a string where an integer belongs");
        yield return Case($$"""[2,"evil-1","ChangeConfiguration",{"key":"{{new string('K', 51)}}","value":"1"}]""", "PropertyConstraintViolation", "a key longer than CiString50");
        yield return Case("""[2,"evil-1","Reset",{"type":"Soft","extra":1}]""", "FormationViolation", "an unknown member");
        yield return Case("[2,\"evil-1\",\"Reset\",{\"type\":\"Soft\"", "FormationViolation", "truncated JSON");
        yield return Case("""[2,"evil-1","Reset"]""", "FormationViolation", "a CALL without payload");
        yield return Case("""[9,"evil-1","Reset",{"type":"Soft"}]""", "FormationViolation", "message type 9");
        yield return Case("[2,\"evil-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":" + new string('[', 100) + new string(']', 100) + "}]", "FormationViolation", "nesting deeper than 64");
        yield return Case("""[2,"evil-1","FlyToTheMoon",{}]""", "NotImplemented", "an unknown action");
        yield return Case("""[2,"evil-1","StartTransaction",{"connectorId":1,"idTag":"X","meterStart":0,"timestamp":"2026-03-02T10:00:00.000Z"}]""", "NotSupported", "an action only a charge point sends");
    }

    [TestCaseSource(nameof(Answered))]
    public async Task A_bad_CALL_from_the_Central_System_gets_the_fitting_CALLERROR_and_the_transaction_goes_on(string frame, string code)
    {
        var (h, hostile) = Create();
        using var owned = hostile;
        await using var harness = h;
        await h.BootAsync((Keys.MeterValueSampleInterval, "10"));
        await h.StartChargingAsync();
        var transaction = h.ChargePoint.TransactionOn(1)!.TransactionId;

        hostile.Inject(Encoding.UTF8.GetBytes(frame));
        await hostile.WaitForAnswersAsync(1);
        await h.AdvanceAsync(30);

        var answer = JsonDocument.Parse(hostile.Answers.Single()).RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(answer.GetArrayLength(), Is.EqualTo(5));
            Assert.That(answer[0].GetInt32(), Is.EqualTo(4));
            Assert.That(answer[1].GetString(), Is.EqualTo("evil-1"));
            Assert.That(answer[2].GetString(), Is.EqualTo(code), answer.ToString());
            Assert.That(answer[4].ValueKind, Is.EqualTo(JsonValueKind.Object));
            Assert.That(h.ChargePoint.TransactionOn(1)?.TransactionId, Is.EqualTo(transaction));
            Assert.That(h.CentralSystem.All<MeterValuesRequest>().Where(m => m.TransactionId == transaction).Count(), Is.EqualTo(3));
            Assert.That(hostile.Connections, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Frames_without_a_CALL_id_get_no_answer_and_a_good_CALL_after_them_is_answered()
    {
        var (h, hostile) = Create();
        using var owned = hostile;
        await using var harness = h;
        await h.BootAsync();
        await h.StartChargingAsync();

        byte[][] unanswerable =
        [
            Encoding.UTF8.GetBytes("hello"),
            [0x5b, 0x32, 0x2c, 0x22, 0xff, 0xfe, 0x22, 0x5d],
            Encoding.UTF8.GetBytes("""{"a":1}"""),
            Encoding.UTF8.GetBytes("""[3,"evil-never-asked",{}]"""),
            Encoding.UTF8.GetBytes("""[4,"evil-never-asked","GenericError","",{}]"""),
            Encoding.UTF8.GetBytes("""[2,12,"Reset",{"type":"Soft"}]"""),
            [],
        ];
        foreach (var frame in unanswerable)
        {
            hostile.Inject(frame);
        }

        hostile.Inject(Encoding.UTF8.GetBytes("""[2,"evil-marker","GetLocalListVersion",{}]"""));
        await hostile.WaitForAnswersAsync(1);

        Assert.That(hostile.Answers.Single(), Does.StartWith("""[3,"evil-marker","""));
        Assert.That(h.ChargePoint.TransactionOn(1), Is.Not.Null);
    }

    /// <summary>
    /// Seeded mutations of Central System CALLs, plus payloads with one known fault and actions the charge point
    /// must not run, while it charges. 400 frames by default; <c>OCPPLAB_FUZZ_CP_FRAMES</c> and
    /// <c>OCPPLAB_FUZZ_SEED</c> size and seed a larger run (bench/fuzz.sh records one). Every frame with a readable
    /// CALL id is answered before the next marker's answer, with an answer <see cref="OcppJFrameOracle"/> says is right.
    /// </summary>
    [Test]
    [CancelAfter(1_800_000)]
    public async Task Seeded_mutations_of_Central_System_CALLs_get_the_right_answers_and_the_transaction_ends_with_one_stop(CancellationToken cancellationToken)
    {
        var (h, hostile) = Create();
        using var owned = hostile;
        await using var harness = h;
        await h.BootAsync((Keys.MeterValueSampleInterval, "10"));
        await h.StartChargingAsync();
        var transaction = h.ChargePoint.TransactionOn(1)!.TransactionId;

        // Calls whose success changes nothing that matters here, so a mutation that stays valid is harmless.
        string[] corpus =
        [
            """[2,"{id}","GetConfiguration",{"key":["HeartbeatInterval"]}]""",
            """[2,"{id}","GetLocalListVersion",{}]""",
            """[2,"{id}","DataTransfer",{"vendorId":"fuzz","messageId":"m","data":"x"}]""",
            """[2,"{id}","TriggerMessage",{"requestedMessage":"Heartbeat"}]""",
            """[2,"{id}","GetCompositeSchedule",{"connectorId":1,"duration":60}]""",
        ];

        // Frames whose one fault is known, with the answer OCPP-J 1.6 §4.2.3 gives it.
        (string Frame, string Answer)[] faults =
        [
            ("""[2,"{id}","Reset",{}]""", "OccurenceConstraintViolation"),
            ("""[2,"{id}","Reset",{"type":"Sideways"}]""", "PropertyConstraintViolation"),
            ("""[2,"{id}","UnlockConnector",{"connectorId":"one"}]""", "TypeConstraintViolation"),
            ("""[2,"{id}","Reset",{"type":"Soft","extra":1}]""", "FormationViolation"),
            ("""[2,"{id}","FlyToTheMoon",{}]""", "NotImplemented"),
            ("""[2,"{id}","Heartbeat",{}]""", "NotSupported"),
            ("""[5,"{id}","GetLocalListVersion",{}]""", "FormationViolation"),
            ("""[2,"{id}","GetLocalListVersion",{},{}]""", "FormationViolation"),
        ];
        var frames = int.TryParse(Environment.GetEnvironmentVariable("OCPPLAB_FUZZ_CP_FRAMES"), out var n) && n > 0 ? n : 400;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OCPPLAB_FUZZ_SEED"), out var s) ? s : 9;
        var random = new Random(seed);
        var awaiting = new List<(string Id, FrameExpectation Expected, string Frame)>();
        var violations = new List<string>();
        var right = new Dictionary<string, int>();
        var expected = 0;
        var answersSeen = 0;
        for (var i = 0; i < frames; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = $"{HostileConnector.Prefix}{i}";
            byte[] frame;
            string? exactly = null;
            if (random.Next(8) == 0)
            {
                var (text, answer) = faults[random.Next(faults.Length)];
                frame = Encoding.UTF8.GetBytes(text.Replace("{id}", id, StringComparison.Ordinal));
                exactly = answer;
            }
            else
            {
                frame = Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Length)].Replace("{id}", id, StringComparison.Ordinal));
                for (var flips = random.Next(0, 3); flips > 0; flips--)
                {
                    // Flip bits after the id, so each answer can be told apart; the id's own corruption is the CSMS fuzz's job.
                    var at = random.Next(16, frame.Length);
                    frame[at] ^= (byte)(1 << random.Next(8));
                }

                if (random.Next(4) == 0)
                {
                    frame = frame[..random.Next(16, frame.Length)];
                }
            }

            var expectation = OcppJFrameOracle.Expect(frame, OcppJFrameOracle.CentralSystemActions);
            if (expectation.Id is { } answerable)
            {
                awaiting.Add((answerable, exactly is null ? expectation : expectation.Exactly(exactly), Encoding.UTF8.GetString(frame)));
                expected++;
            }

            hostile.Inject(frame);

            // Every few frames a known-good CALL: it proves the earlier ones were read and answered, in order.
            if (i % 8 == 7 || i == frames - 1)
            {
                var marker = $"{HostileConnector.Prefix}m{i}";
                awaiting.Add((marker, new FrameExpectation(marker, new HashSet<string> { OcppJFrameOracle.CallResult }, "marker"), "marker"));
                expected++;
                hostile.Inject(Encoding.UTF8.GetBytes($$"""[2,"{{marker}}","GetLocalListVersion",{}]"""));
                var markerAnswered = false;
                while (!markerAnswered)
                {
                    await hostile.WaitForAnswersAsync(1);
                    var answers = hostile.Answers.ToArray();
                    for (; answersSeen < answers.Length; answersSeen++)
                    {
                        markerAnswered |= Judge(answers[answersSeen], awaiting, violations, right) == marker;
                    }
                }

                foreach (var missed in awaiting)
                {
                    violations.Add($"no answer to {missed.Frame}, where {string.Join(" or ", missed.Expected.Answers)} is right");
                }

                awaiting.Clear();
            }
        }

        await h.AdvanceAsync(30);
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1", cancellationToken);
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(5);

        TestContext.Out.WriteLine($"seed {seed}, {frames} frames; CALLs with a readable id: {expected}, answered right: {right.Values.Sum()}; violations {violations.Count}");
        TestContext.Out.WriteLine($"right answers by rule: {string.Join(", ", right.OrderBy(r => r.Key).Select(r => $"{r.Key} {r.Value}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(violations.Take(20), Is.Empty, $"{violations.Count} answers that are malformed, wrong, missing or answer no CALL");
            Assert.That(right.Values.Sum(), Is.EqualTo(expected), "every CALL with a readable id is answered right");
            Assert.That(hostile.Connections, Is.EqualTo(1), "the charge point kept its connection");
            Assert.That(h.CentralSystem.All<StopTransactionRequest>().Select(s => s.TransactionId), Is.EqualTo(new[] { transaction }));
            Assert.That(h.CentralSystem.All<MeterValuesRequest>().Count(m => m.TransactionId == transaction), Is.GreaterThanOrEqualTo(3));
        });
    }

    /// <summary>Checks one answer against the CALLs awaiting one; returns its id.</summary>
    private static string? Judge(string text, List<(string Id, FrameExpectation Expected, string Frame)> awaiting, List<string> violations, Dictionary<string, int> right)
    {
        var answer = JsonDocument.Parse(text).RootElement;
        if (answer.ValueKind != JsonValueKind.Array || answer.GetArrayLength() < 3 || answer[1].ValueKind != JsonValueKind.String
            || answer[0].GetInt32() switch { 3 => answer.GetArrayLength() != 3, 4 => answer.GetArrayLength() != 5, _ => true })
        {
            violations.Add($"not a CALLRESULT or CALLERROR: {text}");
            return null;
        }

        var id = answer[1].GetString()!;
        var name = answer[0].GetInt32() == 3 ? OcppJFrameOracle.CallResult : answer[2].GetString()!;
        var index = awaiting.FindIndex(a => a.Id == id);
        if (index < 0)
        {
            violations.Add($"an answer to no CALL awaiting one: {text}");
            return id;
        }

        var (_, expected, frame) = awaiting[index];
        awaiting.RemoveAt(index);
        if (!expected.Answers.Contains(name))
        {
            violations.Add($"{name} to {frame} ({expected.Reason}), where {string.Join(" or ", expected.Answers)} is right");
            return id;
        }

        var rule = expected.Answers.Count == 1 ? $"{expected.Reason}: {name}" : expected.Reason;
        right[rule] = right.GetValueOrDefault(rule) + 1;
        return id;
    }

    private static (ChargePointHarness Harness, HostileConnector Hostile) Create()
    {
        var hostile = new HostileConnector();
        var harness = new ChargePointHarness(connector: hostile);
        hostile.CentralSystem = harness.CentralSystem;
        return (harness, hostile);
    }

    private static TestCaseData Case(string frame, string code, string name) => new TestCaseData(frame, code).SetArgDisplayNames(name);
}
