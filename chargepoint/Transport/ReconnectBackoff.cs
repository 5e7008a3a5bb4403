namespace OcppLab.ChargePoint.Transport;

/// <summary>
/// Exponential back-off with jitter between connection attempts, so that a fleet that lost its Central
/// System does not reconnect in lock step (OCPP 1.6 leaves the reconnect policy to the charge point;
/// the Security Whitepaper's RetryBackOff* keys describe this shape).
/// </summary>
public sealed record ReconnectBackoff
{
    /// <summary>The wait before the first retry.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest wait.</summary>
    public TimeSpan Maximum { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How much longer each wait is than the one before.</summary>
    public double Multiplier { get; init; } = 2;

    /// <summary>Up to this fraction of the wait is added at random (0 = none).</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The wait before retry number <paramref name="attempt"/> (1 = first retry).</summary>
    /// <param name="attempt">1-based attempt number.</param>
    /// <param name="unitRandom">A random number in [0, 1), injected so tests are deterministic.</param>
    public TimeSpan Delay(int attempt, double unitRandom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var exponent = Math.Min(attempt - 1, 30);
        var baseTicks = Math.Min(Initial.Ticks * Math.Pow(Multiplier, exponent), Maximum.Ticks);
        var withJitter = baseTicks * (1 + (Jitter * unitRandom));
        return TimeSpan.FromTicks((long)Math.Min(withJitter, Maximum.Ticks * (1 + Jitter)));
    }
}
