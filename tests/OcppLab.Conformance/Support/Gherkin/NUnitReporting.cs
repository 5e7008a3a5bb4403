namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>The NUnit host's mapping between the runner's outcomes and NUnit's, both ways.</summary>
public static class NUnitReporting
{
    /// <summary>Hands a scenario's result to NUnit as the test's own outcome.</summary>
    public static void ReportToNUnit(this ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
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

    /// <summary>NUnit's own result exceptions thrown inside a step (Assert.Ignore, Assert.Pass, ...) keep their meaning.</summary>
    public static ScenarioOutcome? OutcomeOf(Exception error) => error switch
    {
        IgnoreException => ScenarioOutcome.Ignored,
        InconclusiveException => ScenarioOutcome.Inconclusive,
        SuccessException => ScenarioOutcome.Passed,
        ResultStateException => ScenarioOutcome.Failed,
        _ => null,
    };
}
