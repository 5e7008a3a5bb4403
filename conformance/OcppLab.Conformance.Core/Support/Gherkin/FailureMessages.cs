using System.Globalization;
using System.Text;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>The texts a failed scenario shows: each names the step and where it is written.</summary>
public static class FailureMessages
{
    // Frames of the runner and of reflection sit between every step and its exception; they never help.
    private static readonly string[] NoiseFrames =
    [
        "   at System.Reflection.",
        "   at System.RuntimeMethodHandle.",
        "   at " + typeof(Assert).FullName + ".",
        "   at NUnit.Framework.Assert.",
        "   at NUnit.Framework.Assert`",
        "   at " + typeof(ScenarioRunner).FullName + ".",
        "   at " + typeof(ScenarioContainer).FullName + ".",
    ];

    public static string Location(ScenarioDefinition scenario, ScenarioStep step) =>
        step.ExampleLine is { } row
            ? string.Create(CultureInfo.InvariantCulture, $"{scenario.FeatureFile}:{step.Line}, Examples row at line {row}")
            : string.Create(CultureInfo.InvariantCulture, $"{scenario.FeatureFile}:{step.Line}");

    public static string Unbound(ScenarioDefinition scenario, ScenarioStep step) =>
        $"No binding for step '{step}' ({Location(scenario, step)}). Add one to a [Binding] class, e.g.:" +
        $"{Environment.NewLine}{Environment.NewLine}{StepSnippet.For(step)}";

    public static string Ambiguous(ScenarioDefinition scenario, ScenarioStep step, IReadOnlyList<StepMatch> matches) =>
        $"Ambiguous step '{step}' ({Location(scenario, step)}) matches {matches.Count} bindings:" +
        string.Concat(matches.Select(m => $"{Environment.NewLine}  {m.Binding}"));

    public static string StepFailed(ScenarioDefinition scenario, ScenarioStep step, Exception error, bool isAssertion = false) =>
        $"Step '{step}' failed ({Location(scenario, step)}):{Environment.NewLine}{Describe(error, isAssertion)}";

    public static string HookFailed(HookBinding hook, Exception error, bool isAssertion = false) =>
        $"{hook.Kind} hook {hook} failed:{Environment.NewLine}{Describe(error, isAssertion)}";

    /// <summary>
    /// The exception with its inner exceptions and a stack trace cut to the frames worth reading.
    /// An assertion (the runner's, or one its host understands) is shown by its message alone: its type says nothing new.
    /// </summary>
    public static string Describe(Exception error, bool isAssertion = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        var text = isAssertion || error is AssertionException or InconclusiveException or IgnoreException
            ? $"{error.Message.TrimEnd()}{Environment.NewLine}{error.StackTrace}"
            : error.ToString();
        var kept = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimEnd('\r');
            if (!NoiseFrames.Any(noise => trimmed.StartsWith(noise, StringComparison.Ordinal)))
            {
                kept.Append(trimmed).Append(Environment.NewLine);
            }
        }

        return kept.ToString().TrimEnd();
    }

    public static string Diagnostics(IReadOnlyList<DiagnosticLine> lines, int max)
    {
        var text = new StringBuilder(lines.Count == 1 ? "Scenario log (1 line" : string.Create(CultureInfo.InvariantCulture, $"Scenario log ({lines.Count} lines"));
        text.Append(lines.Count > max ? string.Create(CultureInfo.InvariantCulture, $", the last {max} shown):") : "):");
        foreach (var line in lines.Skip(Math.Max(0, lines.Count - max)))
        {
            text.Append(Environment.NewLine).Append(line);
        }

        return text.ToString();
    }
}
