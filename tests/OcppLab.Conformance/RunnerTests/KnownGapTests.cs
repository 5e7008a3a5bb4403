using OcppLab.Conformance.Support.Gherkin;

namespace OcppLab.Conformance.RunnerTests;

public sealed class KnownGapTests
{
    [Test]
    public void A_known_gap_that_fails_is_inconclusive_with_the_failure()
    {
        var (scenario, result) = Run(["known-gap"], ScenarioOutcome.Failed, "the charge point sent nothing");

        Assert.That(() => KnownGaps.Report(scenario, result), Throws.TypeOf<InconclusiveException>().With.Message.Contains("the charge point sent nothing"));
    }

    [Test]
    public void A_known_gap_that_passes_fails_until_its_tag_is_removed()
    {
        var (scenario, result) = Run(["known-gap"], ScenarioOutcome.Passed, null);

        Assert.That(() => KnownGaps.Report(scenario, result), Throws.TypeOf<AssertionException>().With.Message.Contains("remove its @known-gap tag"));
    }

    [Test]
    public void A_scenario_without_the_tag_fails_as_usual()
    {
        var (scenario, result) = Run(["Core"], ScenarioOutcome.Failed, "wrong");

        Assert.That(() => KnownGaps.Report(scenario, result), Throws.TypeOf<AssertionException>());
    }

    private static (ScenarioDefinition Scenario, ScenarioResult Result) Run(string[] tags, ScenarioOutcome outcome, string? failure)
    {
        var feature = $$"""
            {{string.Join(' ', tags.Select(t => "@" + t))}}
            Feature: F
              Scenario: S
                Given a step
            """;
        var scenario = FeatureParser.Parse(feature, "sample.feature").Single();
        return (scenario, ScenarioResultFor(scenario, outcome, failure));
    }

    private static ScenarioResult ScenarioResultFor(ScenarioDefinition scenario, ScenarioOutcome outcome, string? failure) =>
        new(scenario.Name, null, scenario.Name, "sample.feature", scenario.Tags, outcome, DateTimeOffset.UnixEpoch, TimeSpan.Zero, failure, []);
}
