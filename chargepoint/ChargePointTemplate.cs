using System.Text.Json;
using System.Text.Json.Serialization;

namespace OcppLab.ChargePoint;

/// <summary>
/// What kind of charge point to simulate: the BootNotification identity, the hardware, and configuration
/// key values over the 1.6 defaults. Loaded from a JSON template; every field has a sensible default.
/// </summary>
public sealed record ChargePointTemplate
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public string Vendor { get; init; } = "OcppLab";

    public string Model { get; init; } = "VirtualCP";

    public string? SerialNumber { get; init; }

    public string FirmwareVersion { get; init; } = "1.0.0";

    public int NumberOfConnectors { get; init; } = 2;

    /// <summary>A tethered cable cannot be unlocked (UnlockConnector answers NotSupported, OCTT TC_017_2).</summary>
    public bool FixedCable { get; init; }

    /// <summary>With backup power, transactions are stopped with reason PowerLoss before going down (OCTT TC_032_1).</summary>
    public bool BackupPower { get; init; }

    /// <summary>
    /// Leave <c>reason</c> out of a StopTransaction for a Local stop, as OCPP 1.6 §6.49 allows (absent means Local).
    /// Off by default: a Central System that reads an absent reason otherwise would store a wrong one.
    /// </summary>
    public bool OmitLocalStopReason { get; init; }

    /// <summary>The per-phase current limit of each connector.</summary>
    public decimal MaxCurrentAmperes { get; init; } = 32;

    public int Phases { get; init; } = 3;

    public double Voltage { get; init; } = 230;

    /// <summary>Feature profiles offered; an absent optional profile answers with its "not supported" values.</summary>
    public IReadOnlyList<string> FeatureProfiles { get; init; } =
        ["Core", "FirmwareManagement", "LocalAuthListManagement", "Reservation", "SmartCharging", "RemoteTrigger"];

    /// <summary>Configuration key values over the defaults, e.g. { "MeterValueSampleInterval": "10" }.</summary>
    public IReadOnlyDictionary<string, string> Configuration { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the charge point waits for a CALLRESULT.</summary>
    public int CallTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// This template with <paramref name="values"/> over its configuration. Key names are compared ignoring case,
    /// as the charge point's configuration does, so a value given in another spelling is replaced, not doubled.
    /// </summary>
    public ChargePointTemplate WithConfiguration(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return this;
        }

        var merged = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Configuration)
        {
            merged[key] = value;
        }

        foreach (var (key, value) in values)
        {
            merged.Remove(key);
            merged[key] = value;
        }

        return this with { Configuration = merged };
    }

    public bool Supports(string profile) => FeatureProfiles.Contains(profile, StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a template from JSON; unknown fields are an error so that typos do not go unnoticed.</summary>
    public static ChargePointTemplate FromJson(string json) =>
        JsonSerializer.Deserialize<ChargePointTemplate>(json, JsonOptions) ?? new ChargePointTemplate();
}
