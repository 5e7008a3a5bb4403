namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>A scenario hook; with tags it runs only for scenarios carrying at least one of them.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public abstract class HookAttribute(string[] tags) : Attribute
{
    /// <summary>Reqnroll's default, so hooks without an explicit order sort the same way after a switch.</summary>
    public const int DefaultOrder = 10000;

    /// <summary>Lower runs first, for before and after hooks alike (as in Reqnroll).</summary>
    public int Order { get; set; } = DefaultOrder;

    /// <summary>Tags without the leading '@'.</summary>
    public IReadOnlyList<string> Tags { get; } = tags;
}

[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs after every scenario, also after a failed step or a failed before hook.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(tags);
