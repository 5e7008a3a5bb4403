using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;
using OcppLab.Conformance.Support.Reporting;

namespace OcppLab.Conformance;

/// <summary>Run-wide set-up and tear-down for every test in this assembly (NUnit scopes it by namespace).</summary>
[SetUpFixture]
public sealed class ConformanceRun
{
    public const string ResultsFileName = "conformance-results.json";

    /// <summary>Written after the last test so that it holds every scenario of the run.</summary>
    [OneTimeTearDown]
    public static async Task WriteResults()
    {
        var folder = TestContext.CurrentContext.TestDirectory;
        var results = ScenarioResultCollector.Conformance.Results;
        ConformanceResultsWriter.Write(results, Path.Combine(folder, ResultsFileName));
        if (!LabRun.ConformanceStarted)
        {
            return;
        }

        // The certificate-style abstract of the run: verdict per profile, failing cases, response times, for
        // the Central System and the charge-point cases alike.
        var run = LabRun.Conformance;
        var report = ConformanceReport.Build(results, run.Measurements, run.Settings, run.Target.Description, ChargePointTimings.Run);
        var written = report.Write(run.Settings.ReportFolder.Length > 0 ? Path.GetFullPath(run.Settings.ReportFolder) : folder);

        // The console is where a run ends: say where the report is and what it says, per profile.
        await TestContext.Error.WriteLineAsync($"Conformance report: {written} (also .json, .html and conformance-junit.xml beside it)");
        if (run.PreFlightStarted && await run.PreFlightProblemAsync() is { } problem)
        {
            await TestContext.Error.WriteLineAsync("  Pre-flight failed, the Central System cases did not run: " + problem);
        }

        if (report.CentralSystemRan)
        {
            foreach (var line in report.Summary())
            {
                await TestContext.Error.WriteLineAsync("  " + line);
            }
        }

        await run.DisposeAsync();
    }
}
