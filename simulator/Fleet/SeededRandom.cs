namespace OcppLab.Simulator.Fleet;

/// <summary>
/// SplitMix64: a few bytes of state per connector instead of a <see cref="Random"/> each (about 280 bytes
/// with a seed), and the same numbers for the same seed on every runtime. Not thread-safe: one per owner.
/// </summary>
public sealed class SeededRandom(ulong seed)
{
    private ulong state = seed;

    /// <summary>A seed for stream <paramref name="stream"/> of a run seeded with <paramref name="seed"/>: independent streams per connector.</summary>
    public static ulong Derive(long seed, long stream)
    {
        var mixer = new SeededRandom(unchecked((ulong)seed ^ ((ulong)stream * 0x9E3779B97F4A7C15UL)));
        return mixer.NextUInt64();
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>An exponentially distributed duration with the given mean: the gaps of a Poisson process.</summary>
    public TimeSpan Exponential(TimeSpan mean) => TimeSpan.FromTicks((long)(-mean.Ticks * Math.Log(1 - NextDouble())));

    /// <summary>Uniform in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());
}
