namespace OcppLab.Conformance;

/// <summary>Every scenario under features/ as one NUnit test case (see Support/Gherkin).</summary>
public sealed class ConformanceFeatures
{
    /// <summary>The runner's own tests bring sample bindings that must not bind real features.</summary>
    public const string RunnerTestsNamespace = "OcppLab.Conformance.RunnerTests";

    // Every scenario gets the run's settings, target and measurements (Support/Lab/LabRun).
    private static readonly ScenarioRunner Runner = new(
        ConformanceSuite.Bindings, ScenarioResultCollector.Conformance, c => ConformanceRun.Lab.Configure(c), NUnitReporting.OutcomeOf);

    /// <summary>The suite's bindings (OcppLab.Conformance.Core), which the runner's tests check for leaks of their samples.</summary>
    public static BindingRegistry ConformanceBindings => ConformanceSuite.Bindings;

    [TestCaseSource(typeof(FeatureTestCases), nameof(FeatureTestCases.FromOutputFolder))]
    public async Task Scenario(ScenarioDefinition scenario)
    {
        var result = await Runner.RunAsync(scenario, TestContext.Out);
        KnownGaps.Report(scenario, result);
        ReferenceTarget.Report(ConformanceRun.Lab.Settings, result);
    }
}
