namespace OcppLab.Conformance.Support.Gherkin;

public enum ScenarioOutcome
{
    Passed,
    Failed,
    Inconclusive,
    Ignored,
}

public enum StepStatus
{
    Passed,
    Failed,
    Undefined,
    Ambiguous,
    Inconclusive,
    Ignored,
    Skipped,
}

/// <summary>What the conformance report needs from one scenario run.</summary>
/// <param name="Name">The test name (id, title and example values), as the host shows it.</param>
/// <param name="FailureMessage">The full message given to the host; null when the scenario passed.</param>
/// <param name="Warnings">What the scenario passed with a warning; null or empty when nothing.</param>
public sealed record ScenarioResult(
    string Name,
    string? TestCaseId,
    string Title,
    string FeatureFile,
    IReadOnlyList<string> Tags,
    ScenarioOutcome Outcome,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    string? FailureMessage,
    IReadOnlyList<StepResult> Steps,
    IReadOnlyList<string>? Warnings = null);

public sealed record StepResult(string Keyword, string Text, int Line, StepStatus Status, TimeSpan Duration);
