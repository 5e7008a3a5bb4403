using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.TargetTests;

/// <summary>Runs chosen OCTT cases of features/csms against a chosen target with chosen settings, outside the suite's own run.</summary>
public static class CaseRun
{
    /// <summary>The settings of a foreign target: one charge point identity, Core declared, connections at profile 1.</summary>
    public static LabSettings ForeignTarget(string securityProfiles = "1")
    {
        var settings = LabSettings.Load(new Dictionary<string, string?>
        {
            [LabSettings.EnvironmentName(nameof(LabSettings.CsmsUrl))] = "ws://foreign.invalid/ocpp/",
            [LabSettings.EnvironmentName(nameof(LabSettings.SecurityProfiles))] = securityProfiles,
        });

        // The URL only chose the defaults; the target itself is given to the run.
        settings.CsmsUrl = "";
        settings.MessageTimeoutSeconds = 1;
        return settings;
    }

    /// <summary>The scenarios (each Examples row) of the case <paramref name="testCaseId"/>.</summary>
    public static IReadOnlyList<ScenarioDefinition> Scenarios(string testCaseId)
    {
        var file = FeatureFiles.Find(FeatureFiles.OutputFolder).Single(f => Path.GetFileName(f).StartsWith(testCaseId + "_", StringComparison.Ordinal));
        return FeatureParser.Parse(File.ReadAllText(file), FeatureFiles.DisplayPath(FeatureFiles.OutputFolder, file));
    }

    /// <summary>Runs every scenario of the cases, in order, against one target; the run owns and disposes the target.</summary>
    public static async Task<IReadOnlyList<ScenarioResult>> RunAsync(LabSettings settings, Func<CsmsTarget> target, params string[] testCaseIds)
    {
        ArgumentNullException.ThrowIfNull(testCaseIds);
        await using var run = new LabRun(settings, target);
        var results = new List<ScenarioResult>();
        var runner = new ScenarioRunner(ConformanceFeatures.ConformanceBindings, results: null, configure: run.Configure);
        foreach (var scenario in testCaseIds.SelectMany(Scenarios))
        {
            // A failing assertion inside a step must not count against the test that runs the case.
            using var isolated = new NUnit.Framework.Internal.TestExecutionContext.IsolatedContext();
            using var output = new StringWriter();
            results.Add(await runner.RunAsync(scenario, output));
        }

        return results;
    }
}
