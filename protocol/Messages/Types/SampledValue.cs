namespace OcppLab.Protocol.Messages.Types;

/// <summary>SampledValue (OCPP 1.6 §7.43): one measured value with how to interpret it.</summary>
public sealed record SampledValue
{
    /// <summary>The reading: a decimal number, or signed data when <see cref="Format"/> is SignedData. A string, without a length limit.</summary>
    public required string Value { get; init; }

    /// <summary>Why the value was taken; Sample.Periodic when absent.</summary>
    public ReadingContext? Context { get; init; }

    /// <summary>Raw number or signed data; Raw when absent.</summary>
    public ValueFormat? Format { get; init; }

    /// <summary>What was measured; Energy.Active.Import.Register when absent.</summary>
    public Measurand? Measurand { get; init; }

    /// <summary>The phase the value applies to; an overall value when absent.</summary>
    public Phase? Phase { get; init; }

    /// <summary>Where it was measured; Outlet when absent.</summary>
    public Location? Location { get; init; }

    /// <summary>The unit; Wh when absent.</summary>
    public UnitOfMeasure? Unit { get; init; }
}
