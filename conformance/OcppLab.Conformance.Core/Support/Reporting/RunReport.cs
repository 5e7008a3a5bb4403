using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Support.Reporting;

/// <summary>
/// The end of a run, whoever hosts it: the results file, the certificate-style report in every form, and the
/// console lines that say where the report is and what it says per profile.
/// </summary>
public static class RunReport
{
    public const string ResultsFileName = "conformance-results.json";

    /// <summary>Writes the results into <paramref name="resultsFolder"/> and, when the lab ran, the report; returns the report.</summary>
    /// <param name="results">Every scenario of the run.</param>
    /// <param name="run">The run's settings, target and measurements; null when no scenario needed them.</param>
    /// <param name="resultsFolder">Where the results file goes, and the report unless the settings name a folder.</param>
    /// <param name="console">Where the closing lines go.</param>
    public static async Task<ConformanceReport?> WriteAsync(IReadOnlyList<ScenarioResult> results, LabRun? run, string resultsFolder, TextWriter console)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(console);
        Directory.CreateDirectory(resultsFolder);
        ConformanceResultsWriter.Write(results, Path.Combine(resultsFolder, ResultsFileName));
        if (run is null)
        {
            return null;
        }

        var report = ConformanceReport.Build(results, run.Measurements, run.Settings, run.Target.Description, ChargePointTimings.Run);
        var written = report.Write(ReportFolder(run.Settings, resultsFolder));

        // The console is where a run ends: say where the report is and what it says, per profile.
        await console.WriteLineAsync($"Conformance report: {written} (also .json, .html and conformance-junit.xml beside it)");
        if (run.PreFlightStarted && await run.PreFlightProblemAsync() is { } problem)
        {
            await console.WriteLineAsync("  Pre-flight failed, the Central System cases did not run: " + problem);
        }

        if (report.CentralSystemRan)
        {
            foreach (var line in report.Summary())
            {
                await console.WriteLineAsync("  " + line);
            }
        }

        return report;
    }

    /// <summary>The settings' report folder (relative to the working directory), else <paramref name="fallback"/>.</summary>
    public static string ReportFolder(LabSettings settings, string fallback)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ReportFolder.Length > 0 ? Path.GetFullPath(settings.ReportFolder) : fallback;
    }
}
