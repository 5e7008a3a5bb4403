namespace OcppLab.Simulator.Fleet;

/// <summary>
/// How the fleet's virtual drivers answer the Central System: after an accepted RemoteStartTransaction the
/// driver plugs the EV in after a delay drawn uniformly from [<see cref="PlugInDelayMin"/>, <see cref="PlugInDelayMax"/>],
/// so the transaction starts; after a remote stop or an unlock the driver takes the cable out after a delay
/// drawn from [<see cref="UnplugDelayMin"/>, <see cref="UnplugDelayMax"/>], and the connector's arrival process goes on.
/// </summary>
public sealed record DriverProfile
{
    /// <summary>Whether drivers act on remote starts, stops and unlocks at all.</summary>
    public bool AnswersCentralSystem { get; init; } = true;

    /// <summary>The shortest time from an accepted remote start to the cable in.</summary>
    public TimeSpan PlugInDelayMin { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest time from an accepted remote start to the cable in; keep it under ConnectionTimeOut.</summary>
    public TimeSpan PlugInDelayMax { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>The shortest time from a remote stop or unlock to the cable out.</summary>
    public TimeSpan UnplugDelayMin { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest time from a remote stop or unlock to the cable out.</summary>
    public TimeSpan UnplugDelayMax { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Draws the delay before a remotely started session's cable goes in.</summary>
    public TimeSpan DrawPlugInDelay(SeededRandom random) => Draw(random, PlugInDelayMin, PlugInDelayMax);

    /// <summary>Draws the delay before the cable comes out after the Central System ended the session.</summary>
    public TimeSpan DrawUnplugDelay(SeededRandom random) => Draw(random, UnplugDelayMin, UnplugDelayMax);

    private static TimeSpan Draw(SeededRandom random, TimeSpan low, TimeSpan high)
    {
        ArgumentNullException.ThrowIfNull(random);
        return high <= low ? low : TimeSpan.FromTicks((long)random.Uniform(low.Ticks, high.Ticks));
    }
}
