using System.Collections.Concurrent;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// Collects scenario results as they finish, from any thread, for the report written at the end of the run.
/// </summary>
public sealed class ScenarioResultCollector
{
    private readonly ConcurrentQueue<ScenarioResult> _results = new();

    /// <summary>The conformance suite's results; tests of the runner use their own collector.</summary>
    public static ScenarioResultCollector Conformance { get; } = new();

    /// <summary>Raised after each scenario, on the thread that ran it.</summary>
    public event EventHandler<ScenarioResult>? ScenarioFinished;

    /// <summary>The results so far, in finishing order.</summary>
    public IReadOnlyList<ScenarioResult> Results => [.. _results];

    public void Add(ScenarioResult result)
    {
        _results.Enqueue(result);
        ScenarioFinished?.Invoke(this, result);
    }
}
