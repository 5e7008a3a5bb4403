using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance;

/// <summary>Every scenario under features/ as one NUnit test case (see Support/Gherkin).</summary>
public sealed class ConformanceFeatures
{
    /// <summary>The runner's own tests bring sample bindings that must not bind real features.</summary>
    public const string RunnerTestsNamespace = "OcppLab.Conformance.RunnerTests";

    // Built once per run: binding discovery scans the assembly a single time.
    private static readonly BindingRegistry Bindings = BindingRegistry.FromAssembly(
        typeof(ConformanceFeatures).Assembly,
        type => type.Namespace is not { } ns ||
            !(ns == RunnerTestsNamespace || ns.StartsWith(RunnerTestsNamespace + ".", StringComparison.Ordinal)));

    // Every scenario gets the run's settings, target and measurements (Support/Lab/LabRun).
    private static readonly ScenarioRunner Runner = new(Bindings, ScenarioResultCollector.Conformance, c => LabRun.Conformance.Configure(c));

    public static BindingRegistry ConformanceBindings => Bindings;

    [TestCaseSource(typeof(FeatureTestCases), nameof(FeatureTestCases.FromOutputFolder))]
    public async Task Scenario(ScenarioDefinition scenario)
    {
        var result = await Runner.RunAsync(scenario);
        KnownGaps.Report(scenario, result);
    }
}
