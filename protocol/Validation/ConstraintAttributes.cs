namespace OcppLab.Protocol.Validation;

/// <summary>
/// A case-insensitive string of at most <see cref="MaxLength"/> characters (the spec's CiStringNNType,
/// OCPP 1.6 §7.15–7.19). On a list member it applies to each item.
/// </summary>
/// <param name="maxLength">The maximum number of characters.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CiStringAttribute(int maxLength) : Attribute
{
    /// <summary>The maximum number of characters.</summary>
    public int MaxLength { get; } = maxLength;
}

/// <summary>A plain string with a schema maximum length (e.g. a PEM certificate of at most 5500 characters).</summary>
/// <param name="maxLength">The maximum number of characters.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MaxLengthAttribute(int maxLength) : Attribute
{
    /// <summary>The maximum number of characters.</summary>
    public int MaxLength { get; } = maxLength;
}

/// <summary>A list that must hold at least <see cref="Count"/> items (schema <c>minItems</c>).</summary>
/// <param name="count">The minimum number of items.</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinItemsAttribute(int count) : Attribute
{
    /// <summary>The minimum number of items.</summary>
    public int Count { get; } = count;
}
