using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>Transactions of every station, keyed by the Central System's transactionId.</summary>
public interface ITransactionStore
{
    /// <summary>
    /// Records a start and hands out the next transactionId (monotonic, never reused). A transaction still
    /// running on the same connector is closed as superseded by the new one (see <see cref="TransactionRecord.SupersededBy"/>).
    /// </summary>
    TransactionStarted Start(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp, int? reservationId, AuthorizationStatus authorization, DateTimeOffset receivedAt);

    /// <summary>
    /// The running transaction on <paramref name="connectorId"/> that this StartTransaction.req repeats
    /// (same idTag, meterStart and timestamp), or null. A station resends a StartTransaction whose answer it
    /// never got (OCPP-J 1.6 §4.2: a CALL without a result is retried after reconnecting); the retransmission
    /// must get the same transactionId, or the first transaction would never see its stop.
    /// </summary>
    TransactionRecord? FindStart(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp);

    /// <summary>Counts a retransmitted StartTransaction.req of <paramref name="transactionId"/> (see <see cref="FindStart"/>).</summary>
    TransactionRecord RecordRetransmittedStart(int transactionId);

    /// <summary>
    /// Records a stop. An unknown transactionId is recorded as a transaction whose start was not seen;
    /// a second stop of the same transaction is counted, not applied, and so is a stop sent by another station.
    /// </summary>
    TransactionStopped Stop(string chargePointId, int transactionId, int meterStop, DateTimeOffset timestamp, Reason? reason, string? idTag, IReadOnlyList<MeterValue> transactionData, DateTimeOffset receivedAt);

    /// <summary>
    /// Marks the running transactions of <paramref name="chargePointId"/> as running when it rebooted
    /// (BootNotification.req), each once, and returns those newly marked. They stay running: a station
    /// that lost power may still send their StopTransaction.req from its queue (OCPP 1.6 §4.10).
    /// </summary>
    IReadOnlyList<TransactionRecord> MarkRunningAtReboot(string chargePointId, DateTimeOffset bootedAt);

    /// <summary>Appends meter values to a transaction of <paramref name="chargePointId"/>; false when the transactionId is unknown or another station's.</summary>
    bool AddMeterValues(string chargePointId, int transactionId, IReadOnlyList<MeterValue> values);

    /// <summary>The transaction, or null.</summary>
    TransactionRecord? Find(int transactionId);

    /// <summary>Running transactions.</summary>
    IReadOnlyList<TransactionRecord> Active();

    /// <summary>All transactions held in memory, newest first, optionally of one station.</summary>
    IReadOnlyList<TransactionRecord> All(string? chargePointId = null);

    /// <summary>What happened to transactions since the history began, including those no longer held in memory.</summary>
    TransactionCounts Counts();
}

/// <summary>What <see cref="ITransactionStore.Start"/> recorded.</summary>
/// <param name="Transaction">The new transaction.</param>
/// <param name="Superseded">The transaction that was still running on the connector and is now closed as superseded, if any.</param>
public sealed record TransactionStarted(TransactionRecord Transaction, TransactionRecord? Superseded);

/// <summary>What <see cref="ITransactionStore.Stop"/> did with a StopTransaction.req.</summary>
/// <param name="Transaction">The transaction as recorded after the stop.</param>
/// <param name="Outcome">Whether the stop was applied, and if not, why.</param>
public sealed record TransactionStopped(TransactionRecord Transaction, StopOutcome Outcome);

/// <summary>How a StopTransaction.req was taken.</summary>
public enum StopOutcome
{
    /// <summary>A running transaction stopped.</summary>
    Stopped,

    /// <summary>A transaction closed as superseded got its own stop late: the station's figures are recorded.</summary>
    StoppedAfterSuperseded,

    /// <summary>An unknown transactionId: recorded as a transaction whose start was not seen.</summary>
    StoppedWithoutStart,

    /// <summary>The transaction had stopped already: acknowledged, not applied.</summary>
    Repeated,

    /// <summary>Another station's transaction: acknowledged, not applied.</summary>
    Foreign,
}

/// <summary>Transaction counts since the history began.</summary>
/// <param name="Started">StartTransaction.req that opened a transaction (not the retransmitted ones).</param>
/// <param name="Stopped">Transactions stopped, each once (closed as superseded included).</param>
/// <param name="StoppedWithoutStart">Of those, stops whose start the Central System never saw.</param>
/// <param name="RepeatedStarts">StartTransaction.req resent for a running transaction, answered with its id again.</param>
/// <param name="RepeatedStops">StopTransaction.req for a transaction already stopped: acknowledged, not applied.</param>
/// <param name="ForeignStops">StopTransaction.req for another station's transaction: acknowledged, not applied.</param>
/// <param name="LetGo">Stopped transactions no longer held in memory (KeepStoppedTransactions).</param>
/// <param name="Running">Transactions running now.</param>
/// <param name="Held">Transactions held in memory now.</param>
/// <param name="Superseded">Transactions closed because another one started on their connector before their stop arrived.</param>
/// <param name="RunningAtReboot">Transactions still running when their station sent a BootNotification.req.</param>
public readonly record struct TransactionCounts(
    long Started,
    long Stopped,
    long StoppedWithoutStart,
    long RepeatedStarts,
    long RepeatedStops,
    long ForeignStops,
    long LetGo,
    int Running,
    int Held,
    long Superseded,
    long RunningAtReboot)
{
    /// <summary>
    /// What an operator should look at: superseded transactions, transactions running at a reboot, stops
    /// without a known start, repeated and foreign stops. Retransmitted starts are not counted: answering them
    /// with the same transactionId is the protocol working (OCPP-J 1.6 §4.2).
    /// </summary>
    public long Anomalies => Superseded + RunningAtReboot + StoppedWithoutStart + RepeatedStops + ForeignStops;
}
