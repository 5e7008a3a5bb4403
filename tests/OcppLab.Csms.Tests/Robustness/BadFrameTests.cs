using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>What the Central System answers on the wire to each kind of bad frame (OCPP-J 1.6 §4.2.3).</summary>
public sealed class BadFrameTests
{
    public static IEnumerable<TestCaseData> Answered()
    {
        yield return Case("""[2,"m1","Heartbeat",{""", "m1", "FormationViolation", "truncated JSON after the id");
        yield return Case("""[2,"m1","Heartbeat"]""", "m1", "FormationViolation", "a CALL without payload");
        yield return Case("""[2,"m1","Heartbeat",{},{}]""", "m1", "FormationViolation", "a CALL with an extra element");
        yield return Case("""[2,"m1",7,{}]""", "m1", "FormationViolation", "an action that is not a string");
        yield return Case("""[2,"m1","Heartbeat",[]]""", "m1", "FormationViolation", "a payload that is an array");
        yield return Case("""[5,"m1","Heartbeat",{}]""", "m1", "FormationViolation", "message type 5");
        yield return Case("""[2,"m1","FlyToTheMoon",{}]""", "m1", "NotImplemented", "an unknown action");
        yield return Case("""[2,"m1","RemoteStartTransaction",{"idTag":"X"}]""", "m1", "NotSupported", "an action only a Central System sends");
        yield return Case("""[2,"m1","Authorize",{}]""", "m1", "OccurenceConstraintViolation", "a missing required member");
        yield return Case("""[2,"m1","Authorize",{"idTag":42}]""", "m1", "TypeConstraintViolation", "a number where a string belongs");
        yield return Case("""[2,"m1","Authorize",{"idTag":"ABCDEFGHIJKLMNOPQRSTU"}]""", "m1", "PropertyConstraintViolation", "an idTag of 21 characters");
        yield return Case("""[2,"m1","Heartbeat",{"extra":1}]""", "m1", "FormationViolation", "an unknown member");
        yield return Case("[2,\"m1\",\"Heartbeat\"," + new string('[', 100) + new string(']', 100) + "]", "m1", "FormationViolation", "nesting deeper than 64");
    }

    public static IEnumerable<TestCaseData> Dropped()
    {
        yield return new TestCaseData(Encoding.UTF8.GetBytes("hello")).SetArgDisplayNames("not JSON");
        yield return new TestCaseData(new byte[] { 0x5b, 0x32, 0x2c, 0x22, 0xff, 0xfe, 0x22, 0x5d }).SetArgDisplayNames("invalid UTF-8");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("""{"a":1}""")).SetArgDisplayNames("an object, not an array");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("""[3,"never-sent",{}]""")).SetArgDisplayNames("a CALLRESULT for a call never sent");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("""[4,"never-sent","GenericError","",{}]""")).SetArgDisplayNames("a CALLERROR for a call never sent");
        yield return new TestCaseData(Encoding.UTF8.GetBytes("""[2,12,"Heartbeat",{}]""")).SetArgDisplayNames("a numeric message id");
    }

    [TestCaseSource(nameof(Answered))]
    public async Task A_bad_CALL_with_a_readable_id_is_answered_with_the_fitting_CALLERROR(string frame, string id, string code)
    {
        await using var csms = new CsmsFactory();
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendTextAsync(frame);
        var answer = await station.ReceiveAsync();

        Assert.That(answer, Is.Not.Null);
        Assert.That(answer!.Value[0].GetInt32(), Is.EqualTo(4));
        Assert.That(answer.Value[1].GetString(), Is.EqualTo(id));
        Assert.That(answer.Value[2].GetString(), Is.EqualTo(code));
        Assert.That(answer.Value[3].GetString(), Is.Not.Empty);
        Assert.That(answer.Value[4].ValueKind, Is.EqualTo(JsonValueKind.Object));
    }

    [TestCaseSource(nameof(Dropped))]
    public async Task A_frame_without_a_CALL_id_gets_no_answer_and_the_connection_goes_on(byte[] frame)
    {
        await using var csms = new CsmsFactory();
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendAsync(frame);
        var before = await station.DrainUntilHeartbeatAnswerAsync("marker-1");

        Assert.That(before, Is.Empty);
    }

    [Test]
    public async Task A_binary_message_gets_no_answer_and_the_connection_goes_on()
    {
        await using var csms = new CsmsFactory();
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendAsync(Encoding.UTF8.GetBytes("""[2,"b1","Heartbeat",{}]"""), WebSocketMessageType.Binary);
        var before = await station.DrainUntilHeartbeatAnswerAsync("marker-1");

        Assert.That(before, Is.Empty);
    }

    [Test]
    public async Task A_frame_over_the_size_limit_closes_the_connection_with_1009()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:MaxFrameBytes"] = "4096" });
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendTextAsync($$"""[2,"big","DataTransfer",{"vendorId":"x","data":"{{new string('d', 10_000)}}"}]""");
        var answer = await station.ReceiveAsync();

        Assert.That(answer, Is.Null);
        Assert.That(station.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig));
    }

    [Test]
    public async Task Too_many_bad_frames_in_a_row_close_the_connection_with_1002_and_a_good_frame_resets_the_count()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:MaxConsecutiveBadFrames"] = "3" });
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendTextAsync("junk");
        await station.SendTextAsync("junk");
        var survived = await station.DrainUntilHeartbeatAnswerAsync("good-1");
        await station.SendTextAsync("junk");
        await station.SendTextAsync("junk");
        await station.SendTextAsync("junk");
        var closed = await station.ReceiveAsync();

        Assert.That(survived, Is.Empty);
        Assert.That(closed, Is.Null);
        Assert.That(station.CloseStatus, Is.EqualTo(WebSocketCloseStatus.ProtocolError));
    }

    [Test]
    public async Task Two_CALLs_with_the_same_message_id_are_each_answered()
    {
        await using var csms = new CsmsFactory();
        await using var station = await RawStation.ConnectAsync(csms, "RAW01");

        await station.SendTextAsync("""[2,"same","Heartbeat",{}]""");
        var first = await station.ReceiveAsync();
        await station.SendTextAsync("""[2,"same","Heartbeat",{}]""");
        var second = await station.ReceiveAsync();

        Assert.That(first!.Value[0].GetInt32(), Is.EqualTo(3));
        Assert.That(second!.Value[0].GetInt32(), Is.EqualTo(3));
    }

    private static TestCaseData Case(string frame, string id, string code, string name) =>
        new TestCaseData(frame, id, code).SetArgDisplayNames(name);
}
