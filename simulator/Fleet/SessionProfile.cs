namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The distributions of the session arrival process: the idle time of a connector between sessions is
/// exponential (a Poisson process of arrivals per idle connector), the charging time is exponential with a
/// one-second floor, and the EV's demand is uniform in ±50% of the mean, capped by the connector.
/// </summary>
public sealed record SessionProfile
{
    /// <summary>The mean idle time between the end of a session and the next arrival at the same connector.</summary>
    public TimeSpan MeanGap { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The mean time from start to stop of a transaction.</summary>
    public TimeSpan MeanLength { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The mean EV demand per phase, in amperes.</summary>
    public decimal MeanDemandAmperes { get; init; } = 16;

    /// <summary>The connector's limit: no EV draws more.</summary>
    public decimal MaxDemandAmperes { get; init; } = 32;

    /// <summary>The shortest charging time drawn.</summary>
    public static TimeSpan MinLength => TimeSpan.FromSeconds(1);

    /// <summary>Draws a charging time.</summary>
    public TimeSpan DrawLength(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var length = random.Exponential(MeanLength);
        return length < MinLength ? MinLength : length;
    }

    /// <summary>Draws an EV demand, in whole tenths of an ampere.</summary>
    public decimal DrawDemand(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var mean = (double)MeanDemandAmperes;
        var amperes = Math.Round((decimal)random.Uniform(mean * 0.5, mean * 1.5), 1);
        return Math.Clamp(amperes, 6m, Math.Max(6m, MaxDemandAmperes));
    }
}
