namespace OcppLab.Conformance.RunnerTests;

/// <summary>
/// Runs feature text given as a string against exactly the bindings a test names, so that sample
/// scenarios never reach the conformance suite and the suite's bindings never reach these tests.
/// </summary>
internal static class Sample
{
    public const string FeatureFile = "features/sample.feature";

    public static ScenarioDefinition Scenario(string feature) => FeatureParser.Parse(feature, FeatureFile).Single();

    public static async Task<SampleRun> RunAsync(string feature, Journal journal, params Type[] bindings)
    {
        var runner = new ScenarioRunner(BindingRegistry.FromTypes(bindings), configure: c => c.RegisterInstance(journal), hostOutcome: NUnitReporting.OutcomeOf);
        using var output = new StringWriter();
        var result = await runner.RunAsync(Scenario(feature), output);
        return new SampleRun(result, output.ToString());
    }

    public static Task<SampleRun> RunAsync(string feature, params Type[] bindings) => RunAsync(feature, new Journal(), bindings);
}

internal sealed record SampleRun(ScenarioResult Result, string Output);

/// <summary>What the sample bindings did, in order; shared with the test through the scenario container.</summary>
internal sealed class Journal
{
    private readonly Lock _gate = new();
    private readonly List<string> _entries = [];

    public IReadOnlyList<string> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
