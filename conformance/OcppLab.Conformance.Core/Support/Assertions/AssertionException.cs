namespace OcppLab.Conformance.Support.Assertions;

/// <summary>A check on the wire failed: the scenario fails with this message.</summary>
public sealed class AssertionException : Exception
{
    public AssertionException()
    {
    }

    public AssertionException(string message)
        : base(message)
    {
    }

    public AssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
