using System.Reflection;

namespace OcppLab.Conformance.Support.Gherkin;

public enum HookKind
{
    BeforeScenario,
    AfterScenario,
}

/// <summary>One [BeforeScenario] or [AfterScenario] method.</summary>
public sealed class HookBinding(Type bindingType, MethodInfo method, HookKind kind, int order, IReadOnlyList<string> tags)
{
    public Type BindingType { get; } = bindingType;

    public MethodInfo Method { get; } = method;

    public HookKind Kind { get; } = kind;

    public int Order { get; } = order;

    public IReadOnlyList<string> Tags { get; } = tags;

    public bool AppliesTo(ScenarioDefinition scenario) =>
        Tags.Count == 0 || Tags.Any(t => scenario.Tags.Contains(t.TrimStart('@'), StringComparer.OrdinalIgnoreCase));

    public override string ToString() => $"{BindingType.Name}.{Method.Name} [{Kind}]";
}
