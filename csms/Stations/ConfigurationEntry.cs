namespace OcppLab.Csms.Stations;

/// <summary>One configuration key as last read from a station (GetConfiguration, OCPP 1.6 §5.8) or changed on it (§5.3).</summary>
/// <param name="Key">The key, as the station spelled it.</param>
/// <param name="Value">Its value; null when the station gave none or does not know the key.</param>
/// <param name="Readonly">Whether the station said the key is read-only.</param>
/// <param name="Known">False when the station listed the key under unknownKey.</param>
/// <param name="At">When it was read or changed.</param>
/// <param name="Source">GetConfiguration, or ChangeConfiguration when the value is one the station accepted since.</param>
public sealed record ConfigurationEntry(string Key, string? Value, bool Readonly, bool Known, DateTimeOffset At, string Source);
