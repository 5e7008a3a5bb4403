using OcppLab.Csms.Observability;

namespace OcppLab.Csms.Transactions;

/// <summary>
/// Tells the operator about transactions that did not go as the protocol intends: one warning each in the log
/// and the <c>ocpp.transactions.anomalies</c> metric by kind. The store records and counts them
/// (<see cref="TransactionCounts"/>); this only reports what the handlers were told.
/// </summary>
public sealed partial class TransactionAnomalies(ILogger<TransactionAnomalies> logger, CsmsMetrics metrics)
{
    /// <summary>Metric tag value: a transaction closed because another one started on its connector.</summary>
    public const string Superseded = "superseded";

    /// <summary>Metric tag value: a transaction still running when its station booted.</summary>
    public const string RunningAtReboot = "running_at_reboot";

    /// <summary>Metric tag value: a stop for a transactionId the Central System never handed out or no longer knows.</summary>
    public const string StopWithoutStart = "stop_without_start";

    /// <summary>Metric tag value: a stop for a transaction that had stopped already.</summary>
    public const string RepeatedStop = "repeated_stop";

    /// <summary>Metric tag value: a stop for another station's transaction.</summary>
    public const string ForeignStop = "foreign_stop";

    /// <summary>Reports the transaction a new start closed on its connector.</summary>
    public void OnStarted(TransactionStarted started)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (started.Superseded is { } older)
        {
            metrics.TransactionAnomaly(Superseded);
            LogSuperseded(older.ChargePointId, older.TransactionId, older.ConnectorId, older.IdTag, older.StartTimestamp, started.Transaction.TransactionId);
        }
    }

    /// <summary>Reports a stop that was not applied as sent.</summary>
    public void OnStopped(string chargePointId, TransactionStopped stopped)
    {
        ArgumentNullException.ThrowIfNull(stopped);
        var t = stopped.Transaction;
        switch (stopped.Outcome)
        {
            case StopOutcome.StoppedWithoutStart:
                metrics.TransactionAnomaly(StopWithoutStart);
                LogStopWithoutStart(chargePointId, t.TransactionId);
                break;
            case StopOutcome.Repeated:
                metrics.TransactionAnomaly(RepeatedStop);
                LogRepeatedStop(chargePointId, t.TransactionId, t.DuplicateStops + 1);
                break;
            case StopOutcome.Foreign:
                metrics.TransactionAnomaly(ForeignStop);
                LogForeignStop(chargePointId, t.TransactionId, t.ChargePointId);
                break;
            case StopOutcome.StoppedAfterSuperseded:
                LogStopAfterSuperseded(chargePointId, t.TransactionId, t.SupersededBy);
                break;
            default:
                break;
        }
    }

    /// <summary>Reports the transactions a station left running when it booted.</summary>
    public void OnReboot(string chargePointId, IReadOnlyList<TransactionRecord> running)
    {
        ArgumentNullException.ThrowIfNull(running);
        foreach (var t in running)
        {
            metrics.TransactionAnomaly(RunningAtReboot);
            LogRunningAtReboot(chargePointId, t.TransactionId, t.ConnectorId, t.IdTag, t.StartTimestamp);
        }
    }

    [LoggerMessage(101, LogLevel.Warning, "Charge point {ChargePointId} started transaction {NewTransactionId} on connector {ConnectorId} while transaction {TransactionId} (id tag {IdTag}, started {StartTimestamp:O}) still ran there without a stop; closed {TransactionId} as superseded")]
    private partial void LogSuperseded(string chargePointId, int transactionId, int connectorId, string idTag, DateTimeOffset startTimestamp, int newTransactionId);

    [LoggerMessage(102, LogLevel.Warning, "Charge point {ChargePointId} booted while transaction {TransactionId} on connector {ConnectorId} (id tag {IdTag}, started {StartTimestamp:O}) was running; it stays open until the station stops it or starts another on that connector")]
    private partial void LogRunningAtReboot(string chargePointId, int transactionId, int connectorId, string idTag, DateTimeOffset startTimestamp);

    [LoggerMessage(103, LogLevel.Warning, "Charge point {ChargePointId} stopped transaction {TransactionId}, whose start the Central System never saw; recorded with its stop only")]
    private partial void LogStopWithoutStart(string chargePointId, int transactionId);

    [LoggerMessage(104, LogLevel.Warning, "Charge point {ChargePointId} stopped transaction {TransactionId} again (stop number {StopNumber}); acknowledged, the first stop stands")]
    private partial void LogRepeatedStop(string chargePointId, int transactionId, int stopNumber);

    [LoggerMessage(105, LogLevel.Warning, "Charge point {ChargePointId} stopped transaction {TransactionId}, which belongs to charge point {Owner}; acknowledged, not applied")]
    private partial void LogForeignStop(string chargePointId, int transactionId, string owner);

    [LoggerMessage(106, LogLevel.Information, "Charge point {ChargePointId} sent the stop of transaction {TransactionId}, closed earlier as superseded by {NewTransactionId}; its meterStop and reason are recorded")]
    private partial void LogStopAfterSuperseded(string chargePointId, int transactionId, int? newTransactionId);
}
