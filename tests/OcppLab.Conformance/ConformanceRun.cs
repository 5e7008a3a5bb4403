using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;
using OcppLab.Conformance.Support.Reporting;

namespace OcppLab.Conformance;

/// <summary>Run-wide set-up and tear-down for every test in this assembly (NUnit scopes it by namespace).</summary>
[SetUpFixture]
public sealed class ConformanceRun
{
    public const string ResultsFileName = RunReport.ResultsFileName;

    private static readonly Lazy<LabRun> Shared = new(() => new LabRun(LabSettings.Load(), () => new EmbeddedCsmsTarget()));

    /// <summary>The conformance run's settings, target and measurements: the embedded Central System unless OCPPLAB_CSMS_URL names one.</summary>
    public static LabRun Lab => Shared.Value;

    /// <summary>Written after the last test so that it holds every scenario of the run.</summary>
    [OneTimeTearDown]
    public static async Task WriteResults()
    {
        var run = Shared.IsValueCreated ? Shared.Value : null;
        await RunReport.WriteAsync(ScenarioResultCollector.Conformance.Results, run, TestContext.CurrentContext.TestDirectory, TestContext.Error);
        if (run is not null)
        {
            await run.DisposeAsync();
        }
    }
}
