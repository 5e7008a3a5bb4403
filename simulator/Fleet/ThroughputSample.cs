namespace OcppLab.Simulator.Fleet;

/// <summary>One second of the run, for the report's time series.</summary>
/// <param name="ElapsedSeconds">Seconds since the start.</param>
/// <param name="CallsPerSecond">CALLs sent in the last interval, per second.</param>
/// <param name="AnswersPerSecond">Answers received in the last interval, per second.</param>
/// <param name="Connected">Charge points connected.</param>
/// <param name="Booted">Charge points accepted.</param>
/// <param name="Charging">Connectors with a transaction.</param>
/// <param name="Errors">Errors so far.</param>
/// <param name="RssBytes">Resident set size of the fleet's process.</param>
public sealed record ThroughputSample(double ElapsedSeconds, double CallsPerSecond, double AnswersPerSecond, int Connected, int Booted, int Charging, long Errors, long RssBytes)
{
    /// <summary>Resident set size of the embedded Central System's process; null without one.</summary>
    public long? CentralSystemRssBytes { get; init; }
}
