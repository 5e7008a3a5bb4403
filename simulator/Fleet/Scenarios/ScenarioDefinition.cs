using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>What a scenario file says: the scenario itself, and what it sets over the command line's defaults.</summary>
/// <param name="Scenario">The stages and faults.</param>
/// <param name="Templates">The weighted mix of templates; null to keep the command line's template.</param>
/// <param name="Sessions">The session arrival process; null to keep the command line's.</param>
/// <param name="Thresholds">The thresholds (k6's syntax, e.g. <c>p99(Authorize)&lt;500ms</c>).</param>
/// <param name="Seed">The seed of every random draw; null to keep the command line's.</param>
public sealed record ScenarioDefinition(
    Scenario Scenario,
    IReadOnlyList<TemplateShare>? Templates,
    SessionProfile? Sessions,
    IReadOnlyList<Threshold> Thresholds,
    long? Seed)
{
    /// <summary>The file's text, recorded in the report.</summary>
    public string? Source { get; init; }
}
