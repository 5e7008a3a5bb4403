using System.Text;
using System.Text.Json;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Simulator.Tests.Support;
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

    [Test]
    public async Task Seeded_mutations_of_Central_System_CALLs_get_only_well_formed_answers_and_the_transaction_ends_with_one_stop()
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
        var random = new Random(9);
        var answerable = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 400; i++)
        {
            var frame = Encoding.UTF8.GetBytes(corpus[random.Next(corpus.Length)].Replace("{id}", $"{HostileConnector.Prefix}{i}", StringComparison.Ordinal));
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

            if (IdOf(frame) is { } id)
            {
                answerable.Add(id);
            }

            hostile.Inject(frame);

            // Every few frames a known-good CALL: it proves the earlier ones were read and resets the bad-frame count.
            if (i % 8 == 7)
            {
                var marker = $"{HostileConnector.Prefix}m{i}";
                answerable.Add(marker);
                hostile.Inject(Encoding.UTF8.GetBytes($$"""[2,"{{marker}}","GetLocalListVersion",{}]"""));
                while (!hostile.Answers.Any(a => a.Contains(marker, StringComparison.Ordinal)))
                {
                    await hostile.WaitForAnswersAsync(1);
                }
            }
        }

        await h.AdvanceAsync(30);
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(5);

        var answers = hostile.Answers.Select(a => JsonDocument.Parse(a).RootElement).ToList();
        TestContext.Out.WriteLine($"{answers.Count} answers: {string.Join(", ", answers.GroupBy(a => a[0].GetInt32() == 3 ? "CALLRESULT" : a[2].GetString()).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.Multiple(() =>
        {
            Assert.That(answers.Where(a => !answerable.Contains(a[1].GetString()!)), Is.Empty, "answers to frames that were not CALLs");
            Assert.That(answers.Where(a => a[0].GetInt32() is not (3 or 4) || (a[0].GetInt32() == 4 && a.GetArrayLength() != 5)), Is.Empty);
            Assert.That(h.CentralSystem.All<StopTransactionRequest>().Select(s => s.TransactionId), Is.EqualTo(new[] { transaction }));
            Assert.That(h.CentralSystem.All<MeterValuesRequest>().Count(m => m.TransactionId == transaction), Is.GreaterThanOrEqualTo(3));
        });
    }

    /// <summary>The id the charge point may answer: a readable string id of a frame whose type is not 3 or 4.</summary>
    private static string? IdOf(byte[] frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read()
                || (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var type) && type is 3 or 4)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                return null;
            }

            return reader.GetString();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
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
