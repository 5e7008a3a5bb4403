namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// A scenario tagged <c>@known-gap</c> describes behaviour the lab does not have yet (the feature says
/// which, in a comment). Its failure is reported as Inconclusive with the failure message, and it still
/// counts as FAIL in the conformance report; once it passes, the test fails until the tag is removed,
/// so a gap can neither hide a regression elsewhere nor outlive its fix.
/// </summary>
public static class KnownGaps
{
    /// <summary>The tag, without the '@'.</summary>
    public const string Tag = "known-gap";

    /// <summary>Hands a result to NUnit, honouring <see cref="Tag"/>.</summary>
    public static void Report(ScenarioDefinition scenario, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(result);
        if (!scenario.Tags.Contains(Tag, StringComparer.OrdinalIgnoreCase))
        {
            result.ReportToNUnit();
            return;
        }

        switch (result.Outcome)
        {
            case ScenarioOutcome.Passed:
                throw new AssertionException($"This scenario passes now: remove its @{Tag} tag.");
            case ScenarioOutcome.Failed:
                throw new InconclusiveException($"Known gap (@{Tag}); it fails as expected:\n{result.FailureMessage}");
            default:
                result.ReportToNUnit();
                return;
        }
    }
}
