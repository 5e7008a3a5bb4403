namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>Hands a scenario's result to NUnit as the test's own outcome.</summary>
public static class NUnitReporting
{
    public static void ReportToNUnit(this ScenarioResult result)
    {
        var message = result.FailureMessage ?? string.Empty;
        switch (result.Outcome)
        {
            case ScenarioOutcome.Failed:
                throw new AssertionException(message);
            case ScenarioOutcome.Inconclusive:
                throw new InconclusiveException(message);
            case ScenarioOutcome.Ignored:
                throw new IgnoreException(message);
            case ScenarioOutcome.Passed:
            default:
                return;
        }
    }
}
