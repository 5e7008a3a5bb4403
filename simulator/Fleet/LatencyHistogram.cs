namespace OcppLab.Simulator.Fleet;

/// <summary>
/// A log-bucket latency histogram in microseconds (HDR-style: exact below 64 µs, then 32 linear
/// sub-buckets per power of two, so any percentile is within about 3% of the true value). Recording is
/// one interlocked increment, with no lock and no allocation, so ten thousand charge points can record
/// into the same instance from every thread-pool thread.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 5;
    private const int SubCount = 1 << SubBits;
    private const int Linear = 2 * SubCount;
    private const int MaxExponent = 40;

    /// <summary>The number of buckets: 64 exact ones, then 32 per octave from 2^6 to 2^40 µs (about 12 days).</summary>
    public const int BucketCount = Linear + ((MaxExponent - 6 + 1) * SubCount);

    private readonly long[] buckets = new long[BucketCount];
    private long count;
    private long sumMicroseconds;
    private long maxMicroseconds;

    /// <summary>How many values were recorded.</summary>
    public long Count => Interlocked.Read(ref count);

    /// <summary>The largest value recorded, in microseconds.</summary>
    public long MaxMicroseconds => Interlocked.Read(ref maxMicroseconds);

    /// <summary>The sum of the values recorded, in microseconds (what a merge of histograms needs for the mean).</summary>
    public long SumMicroseconds => Interlocked.Read(ref sumMicroseconds);

    /// <summary>The mean, in microseconds; 0 when empty.</summary>
    public double MeanMicroseconds => Count == 0 ? 0 : (double)Interlocked.Read(ref sumMicroseconds) / Count;

    /// <summary>Records one value.</summary>
    public void Record(TimeSpan value) => RecordMicroseconds((long)value.TotalMicroseconds);

    /// <summary>Records one value in microseconds (negative values count as 0).</summary>
    public void RecordMicroseconds(long microseconds)
    {
        var v = Math.Max(0, microseconds);
        Interlocked.Increment(ref buckets[IndexOf(v)]);
        Interlocked.Increment(ref count);
        Interlocked.Add(ref sumMicroseconds, v);
        var max = Interlocked.Read(ref maxMicroseconds);
        while (v > max)
        {
            var seen = Interlocked.CompareExchange(ref maxMicroseconds, v, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }
    }

    /// <summary>The value at percentile <paramref name="percent"/> (0-100) in microseconds; 0 when empty.</summary>
    public long PercentileMicroseconds(double percent) => Math.Min(PercentileOf(Snapshot(), percent), MaxMicroseconds);

    /// <summary>The value at percentile <paramref name="percent"/> (0-100) of bucket counts (a snapshot, or the difference of two), in microseconds; 0 when empty.</summary>
    public static long PercentileOf(long[] snapshot, double percent)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        long total = 0;
        foreach (var n in snapshot)
        {
            total += n;
        }

        if (total == 0)
        {
            return 0;
        }

        // The rank of the value at the percentile, 1-based (nearest-rank definition).
        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * total));
        long seen = 0;
        for (var i = 0; i < snapshot.Length; i++)
        {
            seen += snapshot[i];
            if (seen >= rank)
            {
                return Representative(i);
            }
        }

        return Representative(snapshot.Length - 1);
    }

    /// <summary>A copy of the bucket counts.</summary>
    public long[] Snapshot()
    {
        var copy = new long[BucketCount];
        for (var i = 0; i < BucketCount; i++)
        {
            copy[i] = Interlocked.Read(ref buckets[i]);
        }

        return copy;
    }

    /// <summary>The bucket of a value.</summary>
    public static int IndexOf(long microseconds)
    {
        if (microseconds < Linear)
        {
            return (int)microseconds;
        }

        var exponent = 63 - (int)long.LeadingZeroCount(microseconds);
        if (exponent > MaxExponent)
        {
            return BucketCount - 1;
        }

        var sub = (int)((microseconds >> (exponent - SubBits)) & (SubCount - 1));
        return Linear + ((exponent - 6) * SubCount) + sub;
    }

    /// <summary>The smallest value of a bucket.</summary>
    public static long LowerBound(int index)
    {
        if (index < Linear)
        {
            return index;
        }

        var exponent = ((index - Linear) / SubCount) + 6;
        var sub = (index - Linear) % SubCount;
        return (1L << exponent) + ((long)sub << (exponent - SubBits));
    }

    /// <summary>The value reported for a bucket: its middle.</summary>
    public static long Representative(int index) =>
        index < Linear ? index : (LowerBound(index) + (index + 1 < BucketCount ? LowerBound(index + 1) : LowerBound(index) * 2)) / 2;
}
