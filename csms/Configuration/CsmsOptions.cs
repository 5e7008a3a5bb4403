using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Configuration;

/// <summary>The Central System's settings, bound from the <c>Csms</c> section of configuration.</summary>
public sealed class CsmsOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Csms";

    /// <summary>The heartbeat interval handed out in BootNotification.conf (OCPP 1.6 §4.2), in seconds.</summary>
    public int HeartbeatIntervalSeconds { get; set; } = 300;

    /// <summary>How long a station waits before its next BootNotification when not Accepted, in seconds.</summary>
    public int RetryBootIntervalSeconds { get; set; } = 60;

    /// <summary>How long a Central-System-initiated call waits for the station's answer (PICS "OCPP response timeout"), in seconds.</summary>
    public int CallTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// How long the remote-start endpoint waits for the StartTransaction after an Accepted
    /// RemoteStartTransaction, in seconds (a station gives up after its ConnectionTimeOut; OCPP 1.6 §9.1).
    /// </summary>
    public int RemoteStartWaitSeconds { get; set; } = 90;

    /// <summary>
    /// The answer to a BootNotification from a station that is not in <see cref="ChargePoints"/>:
    /// Accepted (an open lab, the default), Pending or Rejected (registration required).
    /// </summary>
    public RegistrationStatus UnknownChargePoints { get; set; } = RegistrationStatus.Accepted;

    /// <summary>Stations known in advance; their registration status is answered as configured.</summary>
    public List<ChargePointRegistration> ChargePoints { get; set; } = [];

    /// <summary>Id tags seeded at start; editable later through the operator API.</summary>
    public List<IdTagSeed> IdTags { get; set; } = [];

    /// <summary>Vendor ids whose DataTransfer requests are accepted (anything else gets UnknownVendorId).</summary>
    public List<string> DataTransferVendors { get; set; } = [];

    /// <summary>Accept a WebSocket upgrade that offers no subprotocol at all (OCPP-J 1.6 §3.1 requires one).</summary>
    public bool AllowMissingSubprotocol { get; set; }

    /// <summary>How many bad frames in a row close a station's connection with 1002.</summary>
    public int MaxConsecutiveBadFrames { get; set; } = 20;

    /// <summary>The largest frame accepted, in bytes; larger closes the connection with 1009.</summary>
    public int MaxFrameBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How often the Central System pings an idle station's WebSocket (RFC 6455 §5.5.2), in seconds; 0 sends no pings.
    /// A station also pings on its own (its WebSocketPingInterval key), but only the Central System's pings
    /// tell it that a station went silent without closing its socket.
    /// </summary>
    public int WebSocketPingIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// How long after a ping the Central System waits for the pong before it drops the connection and shows
    /// the station offline, in seconds; 0 waits forever (then a silent station stays online until TCP gives up).
    /// </summary>
    public int WebSocketPingTimeoutSeconds { get; set; } = 30;

    /// <summary>The keep-alive settings of the WebSocket middleware (Kestrel; the in-memory test server has no pings).</summary>
    public WebSocketOptions ToWebSocketOptions() => new()
    {
        KeepAliveInterval = WebSocketPingIntervalSeconds > 0 ? TimeSpan.FromSeconds(WebSocketPingIntervalSeconds) : TimeSpan.Zero,
        KeepAliveTimeout = WebSocketPingIntervalSeconds > 0 && WebSocketPingTimeoutSeconds > 0 ? TimeSpan.FromSeconds(WebSocketPingTimeoutSeconds) : Timeout.InfiniteTimeSpan,
    };

    /// <summary>
    /// Where the Central System keeps its state across restarts (SQLite, see <c>Persistence/</c>); also given as
    /// <c>--data-dir PATH</c>. Empty keeps everything in memory, lost when the process ends.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>
    /// Strict outbound: check every CALL and CALLRESULT the Central System sends against the 1.6 schemas before it
    /// is written (an answer that breaks it becomes an InternalError CALLERROR and an error log). On by default;
    /// false only for a lab that must send deliberately bad frames.
    /// </summary>
    public bool ValidateOutgoing { get; set; } = true;

    /// <summary>
    /// The phase-to-neutral voltage the Central System's composite schedule assumes to convert A and W
    /// (P = U × I × phases); a station may assume otherwise, which shows when the two are compared.
    /// </summary>
    public decimal CompositeVoltage { get; set; } = 230m;

    /// <summary>The phases assumed for a schedule period without numberPhases (OCPP 1.6 §7.11: absent means 3).</summary>
    public int CompositeDefaultPhases { get; set; } = 3;

    /// <summary>Where firmware is served from and diagnostics are received.</summary>
    public CsmsFileOptions Files { get; set; } = new();

    /// <summary>The first transactionId handed out.</summary>
    public int FirstTransactionId { get; set; } = 1;

    /// <summary>
    /// How many stopped transactions (with their meter values) the Central System keeps in memory for the
    /// operator API and the dashboard; older ones are let go (running ones are always kept). With a data
    /// directory they stay in its database.
    /// </summary>
    public int KeepStoppedTransactions { get; set; } = 10_000;
}

/// <summary>A station known to the Central System before it connects.</summary>
public sealed class ChargePointRegistration
{
    /// <summary>The charge point identity (last segment of its WebSocket URL).</summary>
    public string Id { get; set; } = "";

    /// <summary>What its BootNotification is answered with.</summary>
    public RegistrationStatus Registration { get; set; } = RegistrationStatus.Accepted;
}

/// <summary>An id tag seeded from configuration.</summary>
public sealed class IdTagSeed
{
    /// <summary>The id tag (CiString20).</summary>
    public string IdTag { get; set; } = "";

    /// <summary>Its status: Accepted, Blocked, Expired or Invalid.</summary>
    public AuthorizationStatus Status { get; set; } = AuthorizationStatus.Accepted;

    /// <summary>When it expires; past this it is answered as Expired.</summary>
    public DateTimeOffset? ExpiryDate { get; set; }

    /// <summary>Its group (parent) id tag.</summary>
    public string? ParentIdTag { get; set; }
}

/// <summary>The Central System's own file service, so the firmware and diagnostics loop runs on one machine.</summary>
public sealed class CsmsFileOptions
{
    /// <summary>The folder <c>GET /files/firmware/{name}</c> serves from (relative to the content root).</summary>
    public string FirmwareFolder { get; set; } = "data/firmware";

    /// <summary>The folder diagnostics uploads are written to, one sub-folder per station.</summary>
    public string DiagnosticsFolder { get; set; } = "data/diagnostics";

    /// <summary>The largest diagnostics upload accepted, in bytes.</summary>
    public long MaxDiagnosticsBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The largest firmware file an operator may upload, in bytes.</summary>
    public long MaxFirmwareBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>The base URL stations reach this host at (e.g. http://192.168.1.10:8180); defaults to the operator request's own host.</summary>
    public string? PublicBaseUrl { get; set; }
}
