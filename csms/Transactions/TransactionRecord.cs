using System.Text.Json.Serialization;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>
/// A transaction as the Central System knows it (OCPP 1.6 §4.8, §4.10). Immutable: every change is a new
/// record, so that the operator API reads consistent snapshots while the station's handlers write; only the
/// meter values are appended in place.
/// </summary>
public sealed record TransactionRecord
{
    /// <summary>The id the Central System handed out in StartTransaction.conf.</summary>
    public required int TransactionId { get; init; }

    /// <summary>The station's identity.</summary>
    public required string ChargePointId { get; init; }

    /// <summary>The connector the transaction runs on.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The id tag that started it.</summary>
    public required string IdTag { get; init; }

    /// <summary>The authorization the start was answered with (a transaction is recorded even when not Accepted).</summary>
    public required AuthorizationStatus StartAuthorization { get; init; }

    /// <summary>Meter reading at start, in Wh.</summary>
    public required int MeterStart { get; init; }

    /// <summary>Start time as the station stated it (may lie in the past for offline starts).</summary>
    public required DateTimeOffset StartTimestamp { get; init; }

    /// <summary>When the Central System received the StartTransaction.req.</summary>
    public required DateTimeOffset StartReceivedAt { get; init; }

    /// <summary>The reservation the start used, if any.</summary>
    public int? ReservationId { get; init; }

    /// <summary>Meter reading at stop, in Wh; null while running.</summary>
    public int? MeterStop { get; init; }

    /// <summary>Stop time as the station stated it.</summary>
    public DateTimeOffset? StopTimestamp { get; init; }

    /// <summary>When the Central System received the StopTransaction.req.</summary>
    public DateTimeOffset? StopReceivedAt { get; init; }

    /// <summary>Why it stopped; absent in StopTransaction.req means Local (OCPP 1.6 §7.39).</summary>
    public Reason? StopReason { get; init; }

    /// <summary>The id tag that stopped it, if the station sent one.</summary>
    public string? StopIdTag { get; init; }

    /// <summary>
    /// True when the Central System first heard of this transaction in its StopTransaction.req (a start
    /// lost or from an earlier life of the Central System); recorded so that nothing is lost.
    /// </summary>
    public bool StartUnknown { get; init; }

    /// <summary>How many times the station resent its StartTransaction.req because the answer did not reach it; the first one counts.</summary>
    public int DuplicateStarts { get; init; }

    /// <summary>How many further StopTransaction.req arrived after the first (retransmissions); the first one wins.</summary>
    public int DuplicateStops { get; init; }

    /// <summary>StopTransaction.req for this id sent by another station: acknowledged (the sender retries otherwise) but not applied.</summary>
    public int ForeignStops { get; init; }

    /// <summary>
    /// The transaction that started on the same connector while this one still ran. A connector runs one
    /// transaction at a time, so this one had ended without its StopTransaction.req reaching
    /// us: it was closed when the newer one started (<see cref="StopReceivedAt"/> is then; no meterStop, no
    /// reason). If its own StopTransaction.req still arrives, the station's figures are recorded.
    /// </summary>
    public int? SupersededBy { get; init; }

    /// <summary>When its station sent a BootNotification.req while this transaction was running (the first such boot).</summary>
    public DateTimeOffset? RunningAtReboot { get; init; }

    /// <summary>Whether it was closed by a newer start on its connector and its own stop has not arrived.</summary>
    public bool ClosedWithoutStop => SupersededBy is not null && MeterStop is null;

    /// <summary>
    /// Meter values from MeterValues.req and StopTransaction.req transactionData, in arrival order: the one
    /// part of a transaction that is appended to rather than replaced (see <see cref="MeterValueLog"/>), so
    /// every copy of this record made by <c>with</c> shares it. Kept apart in the data directory.
    /// </summary>
    [JsonIgnore]
    public MeterValueLog MeterValueLog { get; init; } = new();

    /// <summary>The meter values so far, read back from <see cref="MeterValueLog"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<MeterValue> MeterValues => MeterValueLog.Snapshot();

    /// <summary>Whether the transaction is still running.</summary>
    public bool IsActive => StopReceivedAt is null;

    /// <summary>Energy delivered so far in Wh: meterStop − meterStart, or the latest energy register reading while running.</summary>
    public int? EnergyWh => MeterStop is { } stop ? stop - MeterStart : MeterValueLog.LatestEnergyRegisterWh is { } latest ? (int)latest - MeterStart : null;
}
