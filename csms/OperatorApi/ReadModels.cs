using OcppLab.Csms.Firmware;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Csms.OperatorApi;

/// <summary>A station in a list.</summary>
public sealed record ChargePointSummary(
    string Id,
    bool Connected,
    RegistrationStatus? Registration,
    string? Vendor,
    string? Model,
    DateTimeOffset? LastBootAt,
    DateTimeOffset? LastHeartbeat,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? DisconnectedAt,
    IReadOnlyList<ConnectorView> Connectors)
{
    /// <summary>Projects a session.</summary>
    public static ChargePointSummary From(ChargePointSession s) => new(
        s.Id,
        s.IsConnected,
        s.Registration,
        s.LastBoot?.Request.ChargePointVendor,
        s.LastBoot?.Request.ChargePointModel,
        s.LastBoot?.At,
        s.LastHeartbeat,
        s.ConnectedSince,
        s.DisconnectedAt,
        ConnectorView.Of(s));
}

/// <summary>A station in full.</summary>
public sealed record ChargePointDetail(
    string Id,
    bool Connected,
    RegistrationStatus? Registration,
    BootView? LastBoot,
    DateTimeOffset? LastHeartbeat,
    DateTimeOffset? ConnectedSince,
    DateTimeOffset? DisconnectedAt,
    int ConnectionCount,
    IReadOnlyList<ConnectorView> Connectors,
    IReadOnlyList<TransactionView> ActiveTransactions,
    IReadOnlyList<ConfigurationEntry>? Configuration = null,
    IReadOnlyList<ReservationView>? Reservations = null,
    LocalListView? LocalList = null,
    IReadOnlyList<StoredProfile>? ChargingProfiles = null,
    IReadOnlyList<FirmwareJob>? FirmwareJobs = null,
    IReadOnlyList<DiagnosticsJob>? DiagnosticsJobs = null)
{
    /// <summary>Projects a session, its running transactions and what the optional profiles know of it.</summary>
    public static ChargePointDetail From(ChargePointSession s, ITransactionStore transactions, StationStores stores, DateTimeOffset now) =>
        From(s, transactions) with
        {
            Configuration = [.. s.Configuration.Values.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase)],
            Reservations = [.. stores.Reservations.OfStation(s.Id).Select(r => ReservationView.From(r, now))],
            LocalList = LocalListView.From(stores.LocalLists.Get(s.Id)),
            ChargingProfiles = stores.ChargingProfiles.OfStation(s.Id),
            FirmwareJobs = stores.FirmwareJobs.FirmwareJobs(s.Id),
            DiagnosticsJobs = stores.FirmwareJobs.DiagnosticsJobs(s.Id),
        };

    /// <summary>Projects a session and its running transactions.</summary>
    public static ChargePointDetail From(ChargePointSession s, ITransactionStore transactions) => new(
        s.Id,
        s.IsConnected,
        s.Registration,
        s.LastBoot is { } boot ? BootView.From(boot) : null,
        s.LastHeartbeat,
        s.ConnectedSince,
        s.DisconnectedAt,
        s.ConnectionCount,
        ConnectorView.Of(s),
        [.. transactions.Active().Where(t => t.ChargePointId == s.Id).OrderBy(t => t.ConnectorId).Select(TransactionView.From)]);
}

/// <summary>What the last BootNotification said.</summary>
public sealed record BootView(
    string ChargePointVendor,
    string ChargePointModel,
    string? ChargePointSerialNumber,
    string? ChargeBoxSerialNumber,
    string? FirmwareVersion,
    string? Iccid,
    string? Imsi,
    string? MeterType,
    string? MeterSerialNumber,
    RegistrationStatus Status,
    DateTimeOffset At)
{
    /// <summary>Projects a boot record.</summary>
    public static BootView From(BootRecord b) => new(
        b.Request.ChargePointVendor,
        b.Request.ChargePointModel,
        b.Request.ChargePointSerialNumber,
        b.Request.ChargeBoxSerialNumber,
        b.Request.FirmwareVersion,
        b.Request.Iccid,
        b.Request.Imsi,
        b.Request.MeterType,
        b.Request.MeterSerialNumber,
        b.Status,
        b.At);
}

/// <summary>One connector's last status and latest readings.</summary>
public sealed record ConnectorView(
    int ConnectorId,
    ChargePointStatus Status,
    ChargePointErrorCode ErrorCode,
    string? Info,
    string? VendorErrorCode,
    DateTimeOffset Timestamp,
    IReadOnlyList<MeterValue>? LatestMeterValues)
{
    /// <summary>The connectors of a session, by id.</summary>
    public static IReadOnlyList<ConnectorView> Of(ChargePointSession s) =>
        [.. s.Connectors.Values.OrderBy(c => c.ConnectorId).Select(c => new ConnectorView(
            c.ConnectorId, c.Status, c.ErrorCode, c.Info, c.VendorErrorCode, c.Timestamp, s.LatestMeterValues.GetValueOrDefault(c.ConnectorId)))];
}

/// <summary>A transaction.</summary>
public sealed record TransactionView(
    int TransactionId,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    AuthorizationStatus StartAuthorization,
    int MeterStart,
    DateTimeOffset StartTimestamp,
    int? ReservationId,
    bool Active,
    int? MeterStop,
    DateTimeOffset? StopTimestamp,
    Reason? StopReason,
    string? StopIdTag,
    int? EnergyWh,
    bool StartUnknown,
    int DuplicateStarts,
    int DuplicateStops,
    int ForeignStops,
    int MeterValueCount,
    int? SupersededBy,
    DateTimeOffset? RunningAtReboot)
{
    /// <summary>Projects a record (without its meter values).</summary>
    public static TransactionView From(TransactionRecord t) => new(
        t.TransactionId, t.ChargePointId, t.ConnectorId, t.IdTag, t.StartAuthorization, t.MeterStart, t.StartTimestamp,
        t.ReservationId, t.IsActive, t.MeterStop, t.StopTimestamp, t.StopReason, t.StopIdTag, t.EnergyWh, t.StartUnknown,
        t.DuplicateStarts, t.DuplicateStops, t.ForeignStops, t.MeterValueLog.Count, t.SupersededBy, t.RunningAtReboot);
}

/// <summary>An id tag as the operator edits it.</summary>
/// <param name="IdTag">The tag; on PUT it is taken from the path.</param>
/// <param name="Status">Accepted, Blocked, Expired or Invalid.</param>
/// <param name="ExpiryDate">When it expires.</param>
/// <param name="ParentIdTag">Its group.</param>
public sealed record IdTagView([property: CiString(20)] string? IdTag, AuthorizationStatus Status, DateTimeOffset? ExpiryDate, [property: CiString(20)] string? ParentIdTag)
{
    /// <summary>Projects a record.</summary>
    public static IdTagView From(IdTagRecord r) => new(r.IdTag, r.Status, r.ExpiryDate, r.ParentIdTag);
}

/// <summary>The stores of the optional profiles, as the station read model needs them.</summary>
/// <param name="Reservations">Reservations.</param>
/// <param name="LocalLists">Local list states.</param>
/// <param name="ChargingProfiles">Charging profiles.</param>
/// <param name="FirmwareJobs">Firmware and diagnostics jobs.</param>
public sealed record StationStores(
    Reservations.IReservationStore Reservations,
    LocalLists.ILocalListStore LocalLists,
    IChargingProfileStore ChargingProfiles,
    IFirmwareJobStore FirmwareJobs);
