using OcppLab.Conformance.Support.Lab;
using OcppLab.Conformance.Support.Reporting;

namespace OcppLab.Conformance.Tool;

/// <summary>
/// One run of the Central System cases shipped with the tool (features/csms beside the assembly), one after the
/// other as OCTT runs them, against the target the settings name; then the report and the exit code.
/// </summary>
public static class SuiteRun
{
    /// <summary>The report folder when neither --report nor OCPPLAB_REPORT_FOLDER names one.</summary>
    public const string DefaultReportFolder = "conformance-report";

    public static async Task<int> RunAsync(LabSettings settings, IReadOnlyList<string> filter, bool verbose, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var folder = FeatureFiles.OutputFolder;
        var files = FeatureFiles.Find(folder);
        if (files.Count == 0)
        {
            await error.WriteLineAsync($"The tool's cases are missing: no .feature files under {folder}. Reinstall the tool.");
            return ExitCodes.SetUpError;
        }

        var scenarios = new List<ScenarioDefinition>();
        foreach (var file in files)
        {
            try
            {
                scenarios.AddRange(FeatureParser.Parse(await File.ReadAllTextAsync(file), FeatureFiles.DisplayPath(folder, file)));
            }
            catch (InvalidDataException e)
            {
                await error.WriteLineAsync($"The tool's case {file} cannot be read: {e.Message}");
                return ExitCodes.SetUpError;
            }
        }

        var selected = scenarios.Where(s => Selected(s, filter)).ToList();
        if (selected.Count == 0)
        {
            await error.WriteLineAsync($"--filter '{string.Join(',', filter)}' selects none of the {scenarios.Count} cases; give test case ids (TC_001_CSMS, or a prefix such as TC_04) or tags ({string.Join(", ", LabSettings.AllProfiles)}).");
            return ExitCodes.UsageError;
        }

        await output.WriteLineAsync($"Central System: {settings.CsmsUrl} (operator contract: {(settings.OperatorUrl.Length > 0 ? settings.OperatorUrl : "none")}); declared profiles {settings.Profiles}, security profiles {(settings.SecurityProfiles.Length > 0 ? settings.SecurityProfiles : "none")}");
        await output.WriteLineAsync(filter.Count > 0 ? $"{selected.Count} of {scenarios.Count} cases selected by --filter {string.Join(',', filter)}" : $"{selected.Count} cases");

        var results = new ScenarioResultCollector();
        await using var run = new LabRun(settings);
        var runner = new ScenarioRunner(ConformanceSuite.Bindings, results, run.Configure);
        foreach (var scenario in selected)
        {
            var result = await runner.RunAsync(scenario, verbose ? output : null);
            await output.WriteLineAsync($"{Label(result.Outcome),-14} {result.Name}");
            if (result.Outcome == ScenarioOutcome.Failed && result.FailureMessage is { } message)
            {
                await output.WriteLineAsync("               " + message.Split('\n')[0].TrimEnd('\r'));
            }
        }

        var reportFolder = RunReport.ReportFolder(settings, Path.GetFullPath(DefaultReportFolder));
        await RunReport.WriteAsync(results.Results, run, reportFolder, output);
        if (run.PreFlightStarted && await run.PreFlightProblemAsync() is not null)
        {
            return ExitCodes.SetUpError;
        }

        return results.Results.Any(r => r.Outcome is ScenarioOutcome.Failed or ScenarioOutcome.Inconclusive) ? ExitCodes.Failed : ExitCodes.Passed;
    }

    /// <summary>A case is selected by its test case id (or a prefix of it) or by one of its tags.</summary>
    private static bool Selected(ScenarioDefinition scenario, IReadOnlyList<string> filter) =>
        filter.Count == 0 || filter.Any(f =>
            (scenario.TestCaseId?.StartsWith(f, StringComparison.OrdinalIgnoreCase) ?? false) ||
            scenario.Tags.Contains(f, StringComparer.OrdinalIgnoreCase));

    private static string Label(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Passed => "passed",
        ScenarioOutcome.Failed => "FAILED",
        ScenarioOutcome.Inconclusive => "not run",
        ScenarioOutcome.Ignored => "not applicable",
        _ => outcome.ToString(),
    };
}
