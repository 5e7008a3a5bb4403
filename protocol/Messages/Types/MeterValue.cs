using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>MeterValue (OCPP 1.6 §7.33): sampled values taken at the same moment.</summary>
public sealed record MeterValue
{
    /// <summary>When the values were measured.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>The measured values, at least one.</summary>
    [MinItems(1)]
    public required IReadOnlyList<SampledValue> SampledValue { get; init; }
}
