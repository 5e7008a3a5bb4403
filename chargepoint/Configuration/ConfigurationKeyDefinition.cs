namespace OcppLab.ChargePoint.Configuration;

/// <summary>One configuration key of OCPP 1.6 §9: its name, whether it is read-only, and what values it takes.</summary>
/// <param name="Name">The key as written in Get/ChangeConfiguration.</param>
/// <param name="ReadOnly">True when ChangeConfiguration must answer Rejected.</param>
/// <param name="DefaultValue">The value before any change.</param>
/// <param name="IsValid">Whether a value is acceptable; a refused value is answered Rejected (OCPP 1.6 §5.3).</param>
/// <param name="RebootRequired">True when a change takes effect only after a reboot (answered RebootRequired).</param>
/// <param name="WriteOnly">True for a secret that GetConfiguration lists without its value (AuthorizationKey).</param>
public sealed record ConfigurationKeyDefinition(
    string Name,
    bool ReadOnly,
    string DefaultValue,
    Func<string, bool> IsValid,
    bool RebootRequired = false,
    bool WriteOnly = false);
