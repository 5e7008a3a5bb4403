using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>KeyValue (OCPP 1.6 §7.29): one configuration key as reported by GetConfiguration.</summary>
public sealed record KeyValue
{
    /// <summary>The name of the key.</summary>
    [CiString(50)]
    public required string Key { get; init; }

    /// <summary>True when ChangeConfiguration cannot set the key (wire name <c>readonly</c>).</summary>
    public required bool Readonly { get; init; }

    /// <summary>The current value; may be absent when the key is known but has no value.</summary>
    [CiString(500)]
    public string? Value { get; init; }
}
