using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// The <c>[TestCaseSource]</c> of the conformance suite: one NUnit case per scenario or Examples row,
/// named "id title", with the tags as categories so that <c>--filter TestCategory=SmartCharging</c> works.
/// </summary>
public static class FeatureTestCases
{
    public const string NoFeaturesName = "No features found";

    public static IEnumerable<TestCaseData> FromOutputFolder() => FromFolder(FeatureFiles.OutputFolder);

    public static IEnumerable<TestCaseData> FromFolder(string folder)
    {
        var files = FeatureFiles.Find(folder);
        if (files.Count == 0)
        {
            // One visible, ignored case rather than none: an empty source would make NUnit report the
            // test method itself as not runnable, and an empty suite deserves a clear reason.
            yield return new TestCaseData(new object?[] { null })
                .SetName(NoFeaturesName)
                .Ignore($"No .feature files under {folder}.");
            yield break;
        }

        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var featureFile = FeatureFiles.DisplayPath(folder, file);
            IReadOnlyList<ScenarioDefinition> scenarios;
            string? parseError = null;
            try
            {
                scenarios = FeatureParser.Parse(File.ReadAllText(file), featureFile);
            }
            catch (InvalidDataException ex)
            {
                scenarios = [];
                parseError = ex.Message;
            }

            if (parseError is not null)
            {
                yield return NotRunnable(featureFile, parseError);
                continue;
            }

            foreach (var scenario in scenarios)
            {
                yield return ToTestCase(scenario, UniqueName(names, scenario.Name));
            }
        }
    }

    private static TestCaseData ToTestCase(ScenarioDefinition scenario, string name)
    {
        var data = new TestCaseData(scenario).SetName(name).SetDescription(scenario.FeatureTitle);
        data.Properties.Set("FeatureFile", scenario.FeatureFile);
        if (scenario.TestCaseId is not null)
        {
            data.Properties.Set("TestCaseId", scenario.TestCaseId);
        }

        foreach (var tag in scenario.Tags)
        {
            data.SetCategory(tag);
        }

        return data;
    }

    /// <summary>A broken feature shows up as a failing case named after its file, not as a silent gap.</summary>
    private static TestCaseData NotRunnable(string featureFile, string error)
    {
        var data = new TestCaseData(new object?[] { null }).SetName($"{featureFile} (parse error)");
        data.RunState = RunState.NotRunnable;
        data.Properties.Set(PropertyNames.SkipReason, error);
        return data;
    }

    /// <summary>Test adapters merge cases with equal names, so repeats get a running number.</summary>
    private static string UniqueName(Dictionary<string, int> seen, string name)
    {
        var count = seen.GetValueOrDefault(name) + 1;
        seen[name] = count;
        return count == 1 ? name : $"{name} #{count}";
    }
}
