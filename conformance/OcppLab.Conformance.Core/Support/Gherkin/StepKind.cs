namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>The kind a step binds by; And, But and * take the kind of the step before them.</summary>
public enum StepKind
{
    Given,
    When,
    Then,
}
