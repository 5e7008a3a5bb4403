namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>A step matched a definition whose parameters cannot take it; the fix is in the binding, not the feature.</summary>
public sealed class StepBindingException : Exception
{
    public StepBindingException()
    {
    }

    public StepBindingException(string message)
        : base(message)
    {
    }

    public StepBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
