namespace OcppLab.Conformance;

/// <summary>Run-wide set-up and tear-down for every test in this assembly (NUnit scopes it by namespace).</summary>
[SetUpFixture]
public sealed class ConformanceRun
{
    public const string ResultsFileName = "conformance-results.json";

    /// <summary>Written after the last test so that it holds every scenario of the run.</summary>
    [OneTimeTearDown]
    public static void WriteResults() =>
        ConformanceResultsWriter.Write(
            ScenarioResultCollector.Conformance.Results,
            Path.Combine(TestContext.CurrentContext.TestDirectory, ResultsFileName));
}
