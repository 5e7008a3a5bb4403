namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>One step of a scenario, with its argument (a table or a doc string) when it has one.</summary>
/// <param name="Keyword">As written (Given, And, *), for messages.</param>
/// <param name="Kind">The kind it binds by, already resolved for And, But and *.</param>
/// <param name="Line">The step's line in the feature file.</param>
/// <param name="ExampleLine">For an outline row, the line of the Examples row that filled it in.</param>
public sealed record ScenarioStep(
    string Keyword,
    StepKind Kind,
    string Text,
    int Line,
    int? ExampleLine,
    DataTable? Table,
    string? DocString)
{
    public bool HasArgument => Table is not null || DocString is not null;

    public override string ToString() => $"{Keyword} {Text}";
}
