namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Shard <see cref="Number"/> of <see cref="Count"/> (1-based): a contiguous slice of the fleet's id space, so
/// that several processes (or machines) started with 1/n … n/n make one fleet with no id twice and none missing.
/// </summary>
public readonly record struct Shard(int Number, int Count)
{
    /// <summary>The whole fleet in one process.</summary>
    public static Shard Whole => new(1, 1);

    /// <summary>The 0-based indices of the charge points of this shard in a fleet of <paramref name="total"/>.</summary>
    public Range Slice(int total)
    {
        var start = (int)((long)total * (Number - 1) / Count);
        var end = (int)((long)total * Number / Count);
        return start..end;
    }

    /// <summary>How many charge points this shard runs.</summary>
    public int SizeOf(int total)
    {
        var (offset, length) = Slice(total).GetOffsetAndLength(total);
        _ = offset;
        return length;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Number}/{Count}";
}
