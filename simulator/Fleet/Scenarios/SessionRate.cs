namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// The session arrival rate now, as a factor of the sessions' mean gap, shared by every connector. Connectors draw
/// their gaps at <see cref="Max"/> and keep an arrival with probability <see cref="Current"/> / <see cref="Max"/>
/// (thinning, Lewis and Shedler 1979), so a spike takes effect at once and not only after the gaps drawn before it.
/// </summary>
public sealed class SessionRate(double max)
{
    private double current = max;

    /// <summary>A constant rate of 1: every arrival is kept.</summary>
    public static SessionRate Constant => new(1);

    /// <summary>The highest factor of the run.</summary>
    public double Max { get; } = max;

    /// <summary>The factor now.</summary>
    public double Current
    {
        get => Volatile.Read(ref current);
        set => Volatile.Write(ref current, Math.Clamp(value, 0, Max));
    }
}
