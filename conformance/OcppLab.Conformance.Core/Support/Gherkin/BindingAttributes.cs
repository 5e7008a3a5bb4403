namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>Marks a class whose public methods carry step definitions or scenario hooks.</summary>
/// <remarks>Same name and meaning as Reqnroll's attribute, so that switching runners is a using swap.</remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;

/// <summary>A step definition: a regular expression matched against the whole step text.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public abstract class StepDefinitionBaseAttribute(StepKind kind, string pattern) : Attribute
{
    public StepKind Kind { get; } = kind;

    public string Pattern { get; } = pattern;
}

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GivenAttribute(string pattern) : StepDefinitionBaseAttribute(StepKind.Given, pattern);

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class WhenAttribute(string pattern) : StepDefinitionBaseAttribute(StepKind.When, pattern);

[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ThenAttribute(string pattern) : StepDefinitionBaseAttribute(StepKind.Then, pattern);
