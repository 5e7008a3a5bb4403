using System.Reflection;
using System.Text.RegularExpressions;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>One step definition: a method of a [Binding] type and one of its patterns.</summary>
public sealed class StepBinding
{
    // Patterns are written by us, but a runaway backtracking pattern should fail a step, not hang the run.
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly Regex _regex;

    public StepBinding(Type bindingType, MethodInfo method, StepKind kind, string pattern)
    {
        BindingType = bindingType;
        Method = method;
        Kind = kind;
        Pattern = pattern;
        // Anchored to the whole text, as in Reqnroll, so "the charge point" never binds "the charge point is offline".
        _regex = new Regex($"^(?:{pattern})$", RegexOptions.CultureInvariant, MatchTimeout);
    }

    public Type BindingType { get; }

    public MethodInfo Method { get; }

    public StepKind Kind { get; }

    public string Pattern { get; }

    /// <summary>The match with its capture groups, or null when the text does not match.</summary>
    public StepMatch? Match(string text)
    {
        var match = _regex.Match(text);
        return match.Success ? new StepMatch(this, [.. match.Groups.Cast<Group>().Skip(1)]) : null;
    }

    public override string ToString() => $"{BindingType.Name}.{Method.Name} [{Kind}(@\"{Pattern}\")]";
}

/// <summary>A step definition that matched a step, with the capture groups in order.</summary>
public sealed record StepMatch(StepBinding Binding, IReadOnlyList<Group> Groups);
