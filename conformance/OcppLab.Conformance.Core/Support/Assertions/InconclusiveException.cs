namespace OcppLab.Conformance.Support.Assertions;

/// <summary>The scenario applies but could not run (no operator contract, a station left unclean): "not run", never passed.</summary>
public sealed class InconclusiveException : Exception
{
    public InconclusiveException()
    {
    }

    public InconclusiveException(string message)
        : base(message)
    {
    }

    public InconclusiveException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
