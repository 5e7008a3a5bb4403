using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.BrokenTargetTests;

/// <summary>
/// A charge-point case can fail: run against a deliberately broken charge point, the matching case must
/// FAIL, and for the reason the defect causes.
/// </summary>
public sealed class BrokenChargePointTests
{
    public static IEnumerable<TestCaseData> Defects()
    {
        // ClearCache answered Accepted without clearing: the cached tag is never authorized again (TC_061).
        yield return Case("TC_061_CS", "keeps its cache after ClearCache",
            new ChargePointFaults { AnswerInstead = (action, _) => action == "ClearCache" ? new JsonObject { ["status"] = "Accepted" } : null },
            "sent no Authorize with idTag=VALID001");
        // Every StopTransaction carries reason Local (TC_012 wants Remote).
        yield return Case("TC_012_CS", "sends the wrong stop reason",
            new ChargePointFaults { RewriteRequest = (action, payload) => { if (action == "StopTransaction") { payload["reason"] = "Local"; } return payload; } },
            "reason is Local; expected Remote");
        // Every profile is stored at stack level 0, so the stacked one replaces the other (TC_072).
        yield return Case("TC_072_CS", "ignores stacking levels",
            new ChargePointFaults { RewriteCall = (action, payload) => Flatten(action, payload) },
            "periods are");
    }

    private static JsonObject Flatten(string action, JsonObject payload)
    {
        if (action == "SetChargingProfile" && payload["csChargingProfiles"] is JsonObject profile)
        {
            profile["stackLevel"] = 0;
        }

        return payload;
    }

    [TestCaseSource(nameof(Defects))]
    public async Task The_case_fails_against_the_broken_charge_point_for_the_right_reason(string testCaseId, ChargePointFaults faults, string reason)
    {
        var result = await RunAsync(testCaseId, faults);

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Failed), result.FailureMessage);
        Assert.That(result.FailureMessage, Does.Contain(reason));
    }

    [TestCase("TC_061_CS")]
    [TestCase("TC_012_CS")]
    [TestCase("TC_072_CS")]
    public async Task The_same_case_passes_against_the_real_charge_point(string testCaseId)
    {
        var result = await RunAsync(testCaseId, new ChargePointFaults());

        Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), result.FailureMessage);
    }

    private static TestCaseData Case(string testCaseId, string defect, ChargePointFaults faults, string reason) =>
        new TestCaseData(testCaseId, faults, reason).SetName($"{testCaseId} fails against a charge point that {defect}").SetCategory("BrokenTarget");

    private static async Task<ScenarioResult> RunAsync(string testCaseId, ChargePointFaults faults)
    {
        var file = FeatureFiles.Find(FeatureFiles.OutputFolder).Single(f => Path.GetFileName(f).StartsWith(testCaseId + "_", StringComparison.Ordinal));
        var scenario = FeatureParser.Parse(File.ReadAllText(file), FeatureFiles.DisplayPath(FeatureFiles.OutputFolder, file))[0];
        var settings = LabSettings.Load(new Dictionary<string, string?>());
        // The suite's hooks resolve the CSMS-side drivers too, so the run carries its (unused) embedded target.
        await using var run = new LabRun(settings, () => new EmbeddedCsmsTarget());
        var runner = new ScenarioRunner(ConformanceFeatures.ConformanceBindings, results: null, configure: c =>
        {
            run.Configure(c);
            c.RegisterInstance(faults);
        });
        using var output = new StringWriter();
        return await runner.RunAsync(scenario, output);
    }
}
