using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.BrokenTargetTests;

/// <summary>
/// A test can fail: for each profile, a case run against a deliberately broken Central System must FAIL,
/// and for the reason the double breaks.
/// </summary>
public sealed class BrokenTargetTests
{
    public static IEnumerable<TestCaseData> Doubles()
    {
        yield return Case("Core", "TC_023_1_CSMS", "accepts unknown id tags", BrokenCsms.AcceptsUnknownIdTags, "with idTagInfo.status Accepted; expected Invalid");
        yield return Case("Core", "TC_012_CSMS", "answers every stop with ConcurrentTx", BrokenCsms.AnswersStopsWithConcurrentTx, "StopTransaction for id tag VALID001 with idTagInfo.status ConcurrentTx; expected Accepted");
        yield return Case("Core", "TC_001_CSMS", "hands out another heartbeat interval", BrokenCsms.HandsOutAnotherHeartbeatInterval, "interval is 60 s; the configured heartbeat interval is 300 s");
        yield return Case("FirmwareManagement", "TC_044_2_CSMS", "refuses FirmwareStatusNotification", BrokenCsms.RefusesFirmwareStatus, "answered FirmwareStatusNotification with CALLERROR NotImplemented");
        yield return Case("Reservation", "TC_046_CSMS", "ignores reservations", BrokenCsms.IgnoresReservations, "did not send ReserveNow");
        yield return Case("RemoteTrigger", "TC_055_CSMS", "triggers the wrong message", BrokenCsms.MishandlesTriggers, "requestedMessage is \"Heartbeat\"; expected \"MeterValues\"");
        yield return Case("SmartCharging", "TC_056_CSMS", "drops a profile's validity", BrokenCsms.DropsProfileValidity, "csChargingProfiles.validFrom must be present");
        yield return Case("Security", "TC_088_CSMS", "ignores subprotocols", BrokenCsms.IgnoresSubprotocols, "The CSMS accepted the WebSocket upgrade");
        yield return Case("Security", "TC_085_CSMS", "has no Basic authentication", BrokenCsms.HasNoBasicAuthentication, "The CSMS accepted the WebSocket upgrade");
    }

    [TestCaseSource(nameof(Doubles))]
    public async Task The_case_fails_against_the_broken_double_for_the_right_reason(string testCaseId, Func<EmbeddedCsmsTarget> broken, string reason)
    {
        var result = await RunAsync(testCaseId, broken);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed), result.FailureMessage);
        Assert.That(result.FailureMessage, Does.Contain(reason));
    }

    [Test]
    public async Task The_same_core_case_passes_against_the_real_csms()
    {
        var result = await RunAsync("TC_023_1_CSMS", () => new EmbeddedCsmsTarget());

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), result.FailureMessage);
    }

    private static TestCaseData Case(string profile, string testCaseId, string breakage, Func<EmbeddedCsmsTarget> broken, string reason) =>
        new TestCaseData(testCaseId, broken, reason).SetName($"{profile}: {testCaseId} fails against a CSMS that {breakage}").SetCategory("BrokenTarget");

    private static async Task<ScenarioResult> RunAsync(string testCaseId, Func<EmbeddedCsmsTarget> broken)
    {
        var file = FeatureFiles.Find(FeatureFiles.OutputFolder).Single(f => Path.GetFileName(f).StartsWith(testCaseId + "_", StringComparison.Ordinal));
        var scenario = FeatureParser.Parse(File.ReadAllText(file), FeatureFiles.DisplayPath(FeatureFiles.OutputFolder, file))[0];
        // A double that never sends the expected CALL needs no long wait to prove it.
        var settings = LabSettings.Load(new Dictionary<string, string?>());
        settings.MessageTimeoutSeconds = 1;
        // The run owns the target and disposes it.
        await using var run = new LabRun(settings, broken);
        var runner = new ScenarioRunner(ConformanceFeatures.ConformanceBindings, results: null, configure: run.Configure);
        using var output = new StringWriter();
        return await runner.RunAsync(scenario, output);
    }
}
