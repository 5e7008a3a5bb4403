using System.Globalization;
using System.Reflection;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// The lab's "configured values" (OCTT test case document §1.3: the values a tester types into the tool),
/// each a named setting with a default. Read from <c>conformance.settings.json</c> next to the test
/// assembly (or the file named by <c>OCPPLAB_SETTINGS_FILE</c>), then from environment variables named
/// <c>OCPPLAB_</c> plus the property name in upper snake case (<see cref="CsmsUrl"/> is <c>OCPPLAB_CSMS_URL</c>).
/// </summary>
public sealed class LabSettings
{
    public const string EnvironmentPrefix = "OCPPLAB_";
    public const string SettingsFileName = "conformance.settings.json";

    private readonly Dictionary<string, string> sources = new(StringComparer.Ordinal);

    /// <summary>Every feature profile a Central System can declare (OCPP 1.6 §3.1 plus the security white paper).</summary>
    public static readonly IReadOnlyList<string> AllProfiles =
        ["Core", "FirmwareManagement", "LocalAuthListManagement", "Reservation", "RemoteTrigger", "SmartCharging", "Security"];

    // --- Target ---------------------------------------------------------------------------------------

    /// <summary>WebSocket base URL of the CSMS under test (the lab appends the charge point id); empty = the embedded CSMS.</summary>
    public string CsmsUrl { get; set; } = "";

    /// <summary>Base URL of the operator contract (POST {url}/api/charge-points/{id}/manual/{action}, operator-contract.openapi.yaml).</summary>
    public string OperatorUrl { get; set; } = "";

    /// <summary>
    /// Send every CSMS-initiated CALL through the raw relay (POST {url}/api/charge-points/{id}/calls/{action}) with a
    /// payload the lab writes, instead of the manual-action contract; such cases are marked relayed.
    /// </summary>
    public bool UseRelay { get; set; }

    /// <summary>wss:// base URL of the target's TLS endpoint (Security Profiles 2 and 3, TC_086/TC_087).</summary>
    public string CsmsTlsUrl { get; set; } = "";

    /// <summary>
    /// Feature profiles the target declares; cases of undeclared profiles are not applicable (octt16-csms.md §1.2 b).
    /// Unset: Core only against a foreign target (a CSMS is not assumed to claim what it never declared), every
    /// profile against the embedded CSMS.
    /// </summary>
    public string Profiles { get; set; } = "";

    /// <summary>Security profiles (1, 2, 3) the target declares; empty = none (octt16-csms.md §1.2 c). The embedded CSMS declares all three.</summary>
    public string SecurityProfiles { get; set; } = "";

    /// <summary>Where the report is written (Markdown, JSON, HTML, JUnit XML); empty = next to the test assembly.</summary>
    public string ReportFolder { get; set; } = "";

    // --- Charge point identity ------------------------------------------------------------------------

    /// <summary>The charge point identity, the last segment of the connection URL.</summary>
    public string ChargePointId { get; set; } = "OCPPLAB-CP01";

    /// <summary>Append the test case id to the identity, so that scenarios never share a station's state (embedded default).</summary>
    public bool ChargePointIdPerScenario { get; set; }

    public string ChargePointVendor { get; set; } = "OcppLab";

    public string ChargePointModel { get; set; } = "LabPoint-1";

    public string ChargePointSerialNumber { get; set; } = "OCPPLAB-SN-0001";

    public string FirmwareVersion { get; set; } = "1.0.0";

    /// <summary>The connector the cases use (OCTT "Configured ConnectorId").</summary>
    public int ConnectorId { get; set; } = 1;

    /// <summary>How many connectors the lab's charge point has (configuration key NumberOfConnectors).</summary>
    public int NumberOfConnectors { get; set; } = 2;

    // --- Id tags (must exist in the CSMS with these statuses) -----------------------------------------

    public string ValidIdTag { get; set; } = "VALID001";

    /// <summary>A tag the CSMS does not know.</summary>
    public string InvalidIdTag { get; set; } = "UNKNOWN9999";

    public string ExpiredIdTag { get; set; } = "EXPIRED001";

    public string BlockedIdTag { get; set; } = "BLOCKED001";

    /// <summary>The parent (group) id tag of the group members.</summary>
    public string GroupIdTag { get; set; } = "GROUP001";

    public string GroupMemberIdTag { get; set; } = "MEMBER001";

    public string OtherGroupMemberIdTag { get; set; } = "MEMBER002";

    /// <summary>A valid tag to put in a local authorization list.</summary>
    public string LocalListIdTag { get; set; } = "VALID002";

    // --- Timing ----------------------------------------------------------------------------------------

    /// <summary>
    /// The heartbeat interval the CSMS hands out in BootNotification.conf (OCTT's configured "Heartbeat interval");
    /// TC_001 fails on any other value. The default is the embedded CSMS's.
    /// </summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>How long the lab waits for the CSMS's answer to a CALL (the PICS "OCPP response timeout").</summary>
    public double CallTimeoutSeconds { get; set; } = 10;

    /// <summary>How long the lab waits for a CALL the CSMS is expected to send.</summary>
    public double MessageTimeoutSeconds { get; set; } = 5;

    /// <summary>How long the lab waits for the operator contract to answer.</summary>
    public double OperatorTimeoutSeconds { get; set; } = 15;

    /// <summary>Minutes from now until a reservation expires (TC_046..TC_053).</summary>
    public int ReservationExpiryMinutes { get; set; } = 5;

    /// <summary>How long ago an offline transaction started (TC_037, TC_039).</summary>
    public int OfflineMinutesAgo { get; set; } = 30;

    // --- CSMS-initiated operations ----------------------------------------------------------------------

    public int ReservationId { get; set; } = 4711;

    public int ListVersion { get; set; } = 1;

    public string UnknownVendorId { get; set; } = "org.ocpplab.unknown-vendor";

    /// <summary>
    /// Whether the CSMS lets one id tag hold several transactions at once: "Allowed", "Refused" (a second start
    /// is answered ConcurrentTx, OCPP 1.6 §4.8), or empty when not declared, which takes either answer. The
    /// embedded CSMS declares Refused.
    /// </summary>
    public string ConcurrentTransactionsPerIdTag { get; set; } = "";

    public string UnknownConfigurationKey { get; set; } = "OcppLabUnknownKey";

    /// <summary>The value TC_040_2 asks the CSMS to set for MeterValueSampleInterval.</summary>
    public string InvalidConfigurationValue { get; set; } = "-1";

    public string FirmwareLocation { get; set; } = "https://firmware.ocpplab.example/labpoint-2.0.0.bin";

    public string DiagnosticsLocation { get; set; } = "ftp://upload.ocpplab.example/diagnostics/";

    public string LogLocation { get; set; } = "https://upload.ocpplab.example/logs/";

    // --- Smart charging (TC_056..TC_067) -------------------------------------------------------------

    public int StackLevel { get; set; }

    public int ChargingProfileId { get; set; } = 100;

    /// <summary>A or W; the limit is 6.0 A or 6000.0 W accordingly.</summary>
    public string ChargingRateUnit { get; set; } = "A";

    public int ScheduleDurationSeconds { get; set; } = 3600;

    public int StartPeriod { get; set; }

    public int NumberPhases { get; set; } = 3;

    public int CompositeScheduleDurationSeconds { get; set; } = 3600;

    // --- Security ---------------------------------------------------------------------------------------

    /// <summary>The HTTP Basic password of the charge point (16 to 20 characters, sent as AuthorizationKey in hex).</summary>
    public string BasicAuthPassword { get; set; } = "OcppLabSecret0001";

    /// <summary>The new password TC_073 has the CSMS install.</summary>
    public string NewBasicAuthPassword { get; set; } = "OcppLabSecret0002";

    /// <summary>
    /// The security profile the target runs the lab's charge point on: every case connects at it (with the Basic
    /// password for 1 and 2, the client certificate for 3, over <see cref="CsmsTlsUrl"/> for 2 and 3), as OCTT
    /// does; TC_083 moves it one up. Ignored when the target declares no security profile.
    /// </summary>
    public int CurrentSecurityProfile { get; set; } = 1;

    /// <summary>Security Profile 3 against a foreign target: the charge point's client certificate (PEM, or PKCS#12 ending .pfx/.p12).</summary>
    public string ClientCertificateFile { get; set; } = "";

    /// <summary>The PEM private key of <see cref="ClientCertificateFile"/>, when the certificate file holds none.</summary>
    public string ClientKeyFile { get; set; } = "";

    /// <summary>The password of a PKCS#12 <see cref="ClientCertificateFile"/>.</summary>
    public string ClientCertificatePassword { get; set; } = "";

    /// <summary>A PEM CA certificate the target's wss:// server certificate chains to; empty = the system's trust store.</summary>
    public string CsmsCaCertificateFile { get; set; } = "";

    /// <summary>A PEM root certificate for InstallCertificate; empty = the lab's own built-in test root.</summary>
    public string RootCertificatePem { get; set; } = "";

    /// <summary>The signing certificate and signature for SignedUpdateFirmware.</summary>
    public string FirmwareSigningCertificatePem { get; set; } = "";

    public string FirmwareSignature { get; set; } = "b2NwcGxhYi1maXJtd2FyZS1zaWduYXR1cmU=";

    // ---------------------------------------------------------------------------------------------------

    public bool TargetsEmbeddedCsms => string.IsNullOrWhiteSpace(CsmsUrl);

    public TimeSpan CallTimeout => TimeSpan.FromSeconds(CallTimeoutSeconds);

    public TimeSpan MessageTimeout => TimeSpan.FromSeconds(MessageTimeoutSeconds);

    public TimeSpan OperatorTimeout => TimeSpan.FromSeconds(OperatorTimeoutSeconds);

    public double ChargingLimit => ChargingRateUnit == "W" ? 6000.0 : 6.0;

    /// <summary>The profile every case connects at: <see cref="CurrentSecurityProfile"/> when declared, else the lowest declared, else 0.</summary>
    public int ConnectionSecurityProfile =>
        DeclaredSecurityProfiles is not { Count: > 0 } declared ? 0
        : declared.Contains(CurrentSecurityProfile) ? CurrentSecurityProfile
        : declared.Min();

    /// <summary>Where each setting that is not a default came from (the settings file or an environment variable).</summary>
    public IReadOnlyDictionary<string, string> Sources => sources;

    /// <summary>The configured client certificate with its key, or null when none is configured.</summary>
    public X509Certificate2? LoadClientCertificate()
    {
        if (ClientCertificateFile.Length == 0)
        {
            return null;
        }

        var extension = Path.GetExtension(ClientCertificateFile).ToLowerInvariant();
        return extension is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(ClientCertificateFile, ClientCertificatePassword)
            : X509Certificate2.CreateFromPemFile(ClientCertificateFile, ClientKeyFile.Length > 0 ? ClientKeyFile : null);
    }

    public bool Declares(string profile) =>
        profile == "Core" || Split(Profiles).Contains(profile, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<int> DeclaredSecurityProfiles =>
        [.. Split(SecurityProfiles).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];

    /// <summary>The settings of this run: defaults, then the JSON file, then the environment.</summary>
    public static LabSettings Load() =>
        Load(Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.OrdinalIgnoreCase));

    public static LabSettings Load(IReadOnlyDictionary<string, string?> environment)
    {
        var settings = new LabSettings();
        var file = environment.GetValueOrDefault(EnvironmentPrefix + "SETTINGS_FILE") is { Length: > 0 } named
            ? named
            : Path.Combine(AppContext.BaseDirectory, SettingsFileName);
        if (File.Exists(file))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var property in document.RootElement.EnumerateObject())
            {
                settings.Set(property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText(), file);
            }
        }

        foreach (var property in Properties)
        {
            if (environment.GetValueOrDefault(EnvironmentName(property.Name)) is { } value)
            {
                settings.Set(property.Name, value, EnvironmentName(property.Name));
            }
        }

        // The embedded CSMS is ours: it declares every profile, security included, so that missing
        // support shows up as failures rather than as cases that do not apply. A foreign CSMS declares
        // Core only unless told otherwise: a profile it never claimed must not read as FAIL.
        if (settings.Profiles.Length == 0)
        {
            settings.Profiles = settings.TargetsEmbeddedCsms ? string.Join(',', AllProfiles) : "Core";
        }

        if (settings.TargetsEmbeddedCsms)
        {
            if (!environment.ContainsKey(EnvironmentName(nameof(SecurityProfiles))) && settings.SecurityProfiles.Length == 0)
            {
                settings.SecurityProfiles = "1,2,3";
            }

            if (!environment.ContainsKey(EnvironmentName(nameof(ChargePointIdPerScenario))))
            {
                settings.ChargePointIdPerScenario = true;
            }

            if (settings.ConcurrentTransactionsPerIdTag.Length == 0)
            {
                settings.ConcurrentTransactionsPerIdTag = "Refused";
            }
        }

        return settings;
    }

    /// <summary>OCPPLAB_ plus the property name in upper snake case: CsmsUrl → OCPPLAB_CSMS_URL.</summary>
    public static string EnvironmentName(string property)
    {
        var builder = new System.Text.StringBuilder(EnvironmentPrefix);
        for (var i = 0; i < property.Length; i++)
        {
            if (i > 0 && char.IsUpper(property[i]) && !char.IsUpper(property[i - 1]))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(property[i]));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The settings whose values the lab cannot work with, each with the value and what is allowed, so that a
    /// host can stop before the first case with a message naming the setting.
    /// </summary>
    public IEnumerable<(string Setting, string Value, string Allowed)> Problems()
    {
        if (CsmsUrl.Length > 0 && !IsUrl(CsmsUrl, "ws", "wss"))
        {
            yield return (nameof(CsmsUrl), CsmsUrl, "an absolute ws:// or wss:// URL, e.g. ws://host:port/ocpp/");
        }

        if (CsmsTlsUrl.Length > 0 && !IsUrl(CsmsTlsUrl, "wss"))
        {
            yield return (nameof(CsmsTlsUrl), CsmsTlsUrl, "an absolute wss:// URL, e.g. wss://host:port/ocpp/");
        }

        if (OperatorUrl.Length > 0 && !IsUrl(OperatorUrl, "http", "https"))
        {
            yield return (nameof(OperatorUrl), OperatorUrl, "an absolute http:// or https:// URL, e.g. http://host:port/");
        }

        foreach (var profile in Split(Profiles).Where(p => !AllProfiles.Contains(p, StringComparer.OrdinalIgnoreCase)))
        {
            yield return (nameof(Profiles), profile, "a comma-separated list of " + string.Join(", ", AllProfiles));
        }

        foreach (var profile in Split(SecurityProfiles).Where(p => p is not ("1" or "2" or "3")))
        {
            yield return (nameof(SecurityProfiles), profile, "a comma-separated list of 1, 2 and 3 (none for profile 0)");
        }

        if (CurrentSecurityProfile is < 0 or > 3)
        {
            yield return (nameof(CurrentSecurityProfile), CurrentSecurityProfile.ToString(CultureInfo.InvariantCulture), "0, 1, 2 or 3");
        }

        if (ChargingRateUnit is not ("A" or "W"))
        {
            yield return (nameof(ChargingRateUnit), ChargingRateUnit, "A or W");
        }

        if (NumberOfConnectors < 1)
        {
            yield return (nameof(NumberOfConnectors), NumberOfConnectors.ToString(CultureInfo.InvariantCulture), "1 or more");
        }

        if (ConnectorId < 1 || ConnectorId > NumberOfConnectors)
        {
            yield return (nameof(ConnectorId), ConnectorId.ToString(CultureInfo.InvariantCulture), $"1 to NumberOfConnectors ({NumberOfConnectors.ToString(CultureInfo.InvariantCulture)})");
        }

        foreach (var (name, seconds) in new[] { (nameof(CallTimeoutSeconds), CallTimeoutSeconds), (nameof(MessageTimeoutSeconds), MessageTimeoutSeconds), (nameof(OperatorTimeoutSeconds), OperatorTimeoutSeconds) })
        {
            if (!(seconds > 0))
            {
                yield return (name, seconds.ToString(CultureInfo.InvariantCulture), "a number of seconds above 0");
            }
        }
    }

    private static bool IsUrl(string text, params string[] schemes) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase) && uri.Host.Length > 0;

    /// <summary>Name, value and environment variable of every setting, for the report.</summary>
    public IEnumerable<(string Name, string Value, string Variable)> Describe() =>
        Properties.Select(p => (p.Name, Convert.ToString(p.GetValue(this), CultureInfo.InvariantCulture) ?? "", EnvironmentName(p.Name)));

    private static IEnumerable<PropertyInfo> Properties =>
        typeof(LabSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static string[] Split(string list) =>
        list.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Kind(Type type) =>
        type == typeof(int) ? "a whole number"
        : type == typeof(double) ? "a number (e.g. 2.5)"
        : type == typeof(bool) ? "true or false"
        : "a text";

    /// <summary>Sets <paramref name="name"/> from text, remembering <paramref name="source"/> for the report.</summary>
    public void Set(string name, string value, string source)
    {
        var property = typeof(LabSettings).GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new InvalidOperationException($"{source}: '{name}' is not a lab setting.");
        try
        {
            property.SetValue(this, StepArgumentConverter.ConvertText(value, property.PropertyType));
            sources[property.Name] = source;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            throw new InvalidOperationException($"{source}: '{value}' is not allowed for {property.Name}; it takes {Kind(property.PropertyType)}.", ex);
        }
    }
}
