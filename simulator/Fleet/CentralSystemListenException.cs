namespace OcppLab.Simulator.Fleet;

/// <summary>The embedded Central System could not listen where it was asked to (the address is taken, say).</summary>
public sealed class CentralSystemListenException : IOException
{
    public CentralSystemListenException()
    {
    }

    public CentralSystemListenException(string message)
        : base(message)
    {
    }

    public CentralSystemListenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The Central System process's exception in full, with its stack trace.</summary>
    public string? Detail { get; init; }
}
