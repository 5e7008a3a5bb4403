namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>A scenario file that cannot be used; the message names the place and what is allowed.</summary>
public sealed class ScenarioFileException : Exception
{
    public ScenarioFileException()
    {
    }

    public ScenarioFileException(string message)
        : base(message)
    {
    }

    public ScenarioFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
