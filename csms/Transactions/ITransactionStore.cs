using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>Transactions of every station, keyed by the Central System's transactionId.</summary>
public interface ITransactionStore
{
    /// <summary>Records a start and hands out the next transactionId (monotonic, never reused).</summary>
    TransactionRecord Start(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp, int? reservationId, AuthorizationStatus authorization, DateTimeOffset receivedAt);

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
    TransactionRecord Stop(string chargePointId, int transactionId, int meterStop, DateTimeOffset timestamp, Reason? reason, string? idTag, IReadOnlyList<MeterValue> transactionData, DateTimeOffset receivedAt);

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

/// <summary>Transaction counts since the history began.</summary>
/// <param name="Started">StartTransaction.req that opened a transaction (not the retransmitted ones).</param>
/// <param name="Stopped">Transactions stopped, each once.</param>
/// <param name="StoppedWithoutStart">Of those, stops whose start the Central System never saw.</param>
/// <param name="RepeatedStarts">StartTransaction.req resent for a running transaction, answered with its id again.</param>
/// <param name="RepeatedStops">StopTransaction.req for a transaction already stopped: acknowledged, not applied.</param>
/// <param name="ForeignStops">StopTransaction.req for another station's transaction: acknowledged, not applied.</param>
/// <param name="LetGo">Stopped transactions no longer held in memory (KeepStoppedTransactions).</param>
/// <param name="Running">Transactions running now.</param>
/// <param name="Held">Transactions held in memory now.</param>
public readonly record struct TransactionCounts(
    long Started, long Stopped, long StoppedWithoutStart, long RepeatedStarts, long RepeatedStops, long ForeignStops, long LetGo, int Running, int Held);
