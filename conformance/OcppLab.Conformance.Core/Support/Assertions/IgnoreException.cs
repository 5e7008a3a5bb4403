namespace OcppLab.Conformance.Support.Assertions;

/// <summary>The scenario does not apply to the target (a profile it does not declare): "not applicable".</summary>
public sealed class IgnoreException : Exception
{
    public IgnoreException()
    {
    }

    public IgnoreException(string message)
        : base(message)
    {
    }

    public IgnoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
