namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>One runnable scenario: a plain scenario or one Examples row of an outline, Background included.</summary>
/// <param name="FeatureFile">Path relative to the output folder, with forward slashes (features/csms/...).</param>
/// <param name="Title">The scenario's name, outline placeholders filled in.</param>
/// <param name="TestCaseId">The OCTT test case id from the tag starting with TC_, if any.</param>
/// <param name="Tags">Feature, rule, scenario and examples tags, without the '@'.</param>
/// <param name="ExampleValues">The Examples row's cells; empty for a plain scenario.</param>
/// <param name="Line">The scenario's line, or its Examples row's line for an outline.</param>
public sealed record ScenarioDefinition(
    string FeatureFile,
    string FeatureTitle,
    string Title,
    string? TestCaseId,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> ExampleValues,
    int Line,
    IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>The test name: id and title, plus the example values so that outline rows stay distinct.</summary>
    public string Name
    {
        get
        {
            var title = Title.Length > 0 ? Title : FeatureTitle;
            var name = TestCaseId is null ? title : $"{TestCaseId} {title}";
            return ExampleValues.Count == 0 ? name : $"{name} ({string.Join(", ", ExampleValues)})";
        }
    }

    public override string ToString() => Name;
}
