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

    /// <summary>The environment variable a Kubernetes Indexed Job sets to the pod's index, 0-based.</summary>
    public const string IndexVariable = "JOB_COMPLETION_INDEX";

    /// <summary>The environment variable the fleet's Job manifest sets from <c>spec.completions</c> (Kubernetes does not set it itself).</summary>
    public const string CountVariable = "JOB_COMPLETIONS";

    /// <summary>
    /// The shard of a pod of an Indexed Job: index i of n completions is shard i+1 of n; null when the variables are not
    /// set; a <see cref="FormatException"/> naming the variable when they are set wrong.
    /// </summary>
    public static Shard? FromIndexedJob(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var index = environment(IndexVariable);
        var count = environment(CountVariable);
        if (string.IsNullOrEmpty(index) && string.IsNullOrEmpty(count))
        {
            return null;
        }

        if (string.IsNullOrEmpty(count) || !int.TryParse(count, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
        {
            throw new FormatException($"{CountVariable}='{count}': with {IndexVariable} set, {CountVariable} must be the Job's completions, a whole number from 1 (set it from spec.completions).");
        }

        if (string.IsNullOrEmpty(index) || !int.TryParse(index, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) || i >= n)
        {
            throw new FormatException($"{IndexVariable}='{index}': the pod's index must be a whole number from 0 to {n - 1} ({CountVariable}={n}).");
        }

        return new Shard(i + 1, n);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Number}/{Count}";
}
