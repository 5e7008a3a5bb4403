using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.TargetTests;

namespace OcppLab.Conformance.BrokenTargetTests;

/// <summary>
/// The manual-action contract lets the CSMS build its own OCPP messages, so the suite sees how it builds
/// them: a CSMS whose command builders are wrong fails the case that checks that message, naming the
/// defect, while our Central System passes the same cases.
/// </summary>
public sealed class BrokenCommandBuilderTests
{
    public static IEnumerable<TestCaseData> Doubles()
    {
        yield return Case("TC_043_4_CSMS", "a local list without idTagInfo", BrokenCsms.LocalListWithoutIdTagInfo, "SendLocalList.req: the entry for VALID002 has no idTagInfo");
        yield return Case("TC_043_5_CSMS", "a local list version not raised", BrokenCsms.LocalListVersionNotRaised, "SendLocalList.req: listVersion is 1; expected greater than 1");
        yield return Case("TC_053_CSMS", "a reservation without parentIdTag", BrokenCsms.ReservationWithoutParentIdTag, "ReserveNow.req: parentIdTag is missing; expected \"GROUP001\"");
        yield return Case("TC_066_CSMS", "a composite schedule request without its unit", BrokenCsms.CompositeScheduleWithoutUnit, "GetCompositeSchedule.req: chargingRateUnit is missing; expected \"A\"");
        yield return Case("TC_057_CSMS", "a TxProfile without the running transaction", BrokenCsms.TxProfileWithoutTheRunningTransaction, "SetChargingProfile.req: csChargingProfiles.transactionId is missing");
    }

    [TestCaseSource(nameof(Doubles))]
    public async Task The_case_fails_naming_the_defect(string testCaseId, Func<EmbeddedCsmsTarget> broken, string reason)
    {
        var results = await CaseRun.RunAsync(Settings(), broken, testCaseId);

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Failed), results[0].FailureMessage);
        Assert.That(results[0].FailureMessage, Does.Contain(reason));
        Assert.That(results[0].Warnings ?? [], Has.None.StartsWith(OperatorClient.Relayed), "the case went through the manual-action contract");
    }

    [Test]
    public async Task Our_csms_builds_the_same_messages_right()
    {
        var results = await CaseRun.RunAsync(Settings(), () => new EmbeddedCsmsTarget(), "TC_043_4_CSMS", "TC_043_5_CSMS", "TC_053_CSMS", "TC_066_CSMS", "TC_057_CSMS");

        Assert.That(results, Has.Count.EqualTo(8), "TC_043_4 runs three scenarios, TC_043_5 two");
        Assert.Multiple(() =>
        {
            foreach (var result in results)
            {
                Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), $"{result.TestCaseId}: {result.FailureMessage}");
                Assert.That(result.Warnings ?? [], Has.None.StartsWith(OperatorClient.Relayed), $"{result.TestCaseId} went through the manual-action contract");
            }
        });
    }

    private static Support.Lab.LabSettings Settings()
    {
        var settings = Support.Lab.LabSettings.Load(new Dictionary<string, string?>());
        // A double that never sends the expected CALL needs no long wait to prove it.
        settings.MessageTimeoutSeconds = 1;
        return settings;
    }

    private static TestCaseData Case(string testCaseId, string defect, Func<EmbeddedCsmsTarget> broken, string reason) =>
        new TestCaseData(testCaseId, broken, reason).SetName($"{testCaseId} fails against a CSMS that builds {defect}").SetCategory("BrokenTarget");
}
