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

    /// <summary>All transactions, newest first, optionally of one station.</summary>
    IReadOnlyList<TransactionRecord> All(string? chargePointId = null);
}
