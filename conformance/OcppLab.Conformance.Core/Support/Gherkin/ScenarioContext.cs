using System.Diagnostics;
using System.Globalization;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// The running scenario, injectable into bindings and drivers. Drivers record every OCPP frame with
/// <see cref="Log"/>; the lines are printed with a failure, which is where a frame log is worth reading.
/// </summary>
public sealed class ScenarioContext
{
    private readonly Lock _gate = new();
    private readonly List<DiagnosticLine> _diagnostics = [];
    private readonly List<string> _warnings = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public ScenarioContext(ScenarioDefinition scenario)
    {
        Scenario = scenario;
    }

    public ScenarioDefinition Scenario { get; }

    public string Title => Scenario.Title;

    public string? TestCaseId => Scenario.TestCaseId;

    public IReadOnlyList<string> Tags => Scenario.Tags;

    /// <summary>The step being run; null in hooks.</summary>
    public ScenarioStep? CurrentStep { get; internal set; }

    /// <summary>The first error of the scenario, for [AfterScenario] hooks that act on failure (as in Reqnroll).</summary>
    public Exception? TestError { get; internal set; }

    /// <summary>A snapshot of the lines recorded so far.</summary>
    public IReadOnlyList<DiagnosticLine> Diagnostics
    {
        get
        {
            lock (_gate)
            {
                return [.. _diagnostics];
            }
        }
    }

    /// <summary>What passed with a warning (OCTT's "passed with a warning", e.g. TC_064), for the report.</summary>
    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    /// <summary>Records a warning: the scenario still passes, and the report lists it.</summary>
    public void Warn(string warning)
    {
        Log("warning: " + warning);
        lock (_gate)
        {
            _warnings.Add(warning);
        }
    }

    /// <summary>Records a diagnostic line; safe from any thread, since frames arrive on socket threads.</summary>
    public void Log(string line)
    {
        var entry = new DiagnosticLine(Stopwatch.GetElapsedTime(_started), line);
        lock (_gate)
        {
            _diagnostics.Add(entry);
        }
    }
}

/// <summary>A diagnostic line and when it was recorded, relative to the scenario's start.</summary>
public sealed record DiagnosticLine(TimeSpan Elapsed, string Text)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"[+{Elapsed.TotalSeconds:0.000}s] {Text}");
}
