using System.Globalization;
using System.Text.Json;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// Transactions in memory and in the data directory: every start, stop and meter value is written before the
/// handler answers the station, and the last transactionId handed out is kept so that a restarted Central
/// System never hands one out twice (OCPP 1.6 §4.8: the id identifies the transaction to the station).
/// </summary>
public sealed class DurableTransactionStore : ITransactionStore
{
    private const string Kind = "transaction";
    private const string MeterValuesKind = "transaction-meter-values";
    private const string CounterKind = "counter";
    private const string CounterKey = "last-transaction-id";

    private readonly InMemoryTransactionStore memory;
    private readonly CsmsDatabase database;

    // One change at a time, so that what is written is exactly what the change did to the record in memory.
    private readonly Lock gate = new();

    /// <summary>
    /// Loads what <paramref name="database"/> holds into memory (running transactions, and the latest
    /// <paramref name="keepStopped"/> stopped ones); new ids continue after the last one handed out (at least
    /// <paramref name="firstTransactionId"/>).
    /// </summary>
    public DurableTransactionStore(CsmsDatabase database, int firstTransactionId, int keepStopped = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        memory = new InMemoryTransactionStore(firstTransactionId, keepStopped);
        var lastIssued = database.Document(CounterKind, CounterKey) is { } counter ? JsonSerializer.Deserialize(counter, StateJsonContext.Default.Int32) : 0;
        var stored = database.Documents(Kind)
            .Select(d => (d.Key, Record: Read(d.Key, d.Json, [])))
            .OrderBy(s => s.Record.TransactionId)
            .ToList();

        // Restoring in id order lets go of all but the latest keepStopped stopped transactions, as the history
        // does while running: those are still counted, but their meter values need not be read.
        var stoppedToLetGo = Math.Max(0, stored.Count(s => !s.Record.IsActive) - keepStopped);
        foreach (var (key, record) in stored)
        {
            if (!record.IsActive && stoppedToLetGo > 0)
            {
                stoppedToLetGo--;
                memory.Restore(record);
                continue;
            }

            memory.Restore(record with { MeterValueLog = ReadMeterValues(database.Appends(MeterValuesKind, key)) });
        }

        memory.RestoreCounter(lastIssued);
    }

    /// <inheritdoc/>
    public TransactionStarted Start(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp, int? reservationId, AuthorizationStatus authorization, DateTimeOffset receivedAt)
    {
        lock (gate)
        {
            var started = memory.Start(chargePointId, connectorId, idTag, meterStart, timestamp, reservationId, authorization, receivedAt);
            database.Write(changes =>
            {
                changes.Put(Kind, Key(started.Transaction.TransactionId), Serialize(started.Transaction));
                if (started.Superseded is { } superseded)
                {
                    changes.Put(Kind, Key(superseded.TransactionId), Serialize(superseded));
                }

                changes.Put(CounterKind, CounterKey, JsonSerializer.Serialize(memory.LastIssuedId, StateJsonContext.Default.Int32));
            });
            return started;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> MarkRunningAtReboot(string chargePointId, DateTimeOffset bootedAt)
    {
        lock (gate)
        {
            var marked = memory.MarkRunningAtReboot(chargePointId, bootedAt);
            if (marked.Count > 0)
            {
                database.Write(changes =>
                {
                    foreach (var record in marked)
                    {
                        changes.Put(Kind, Key(record.TransactionId), Serialize(record));
                    }
                });
            }

            return marked;
        }
    }

    /// <inheritdoc/>
    public TransactionRecord? FindStart(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp) =>
        memory.FindStart(chargePointId, connectorId, idTag, meterStart, timestamp);

    /// <inheritdoc/>
    public TransactionRecord RecordRetransmittedStart(int transactionId)
    {
        lock (gate)
        {
            var record = memory.RecordRetransmittedStart(transactionId);
            database.Write(changes => changes.Put(Kind, Key(transactionId), Serialize(record)));
            return record;
        }
    }

    /// <inheritdoc/>
    public TransactionStopped Stop(string chargePointId, int transactionId, int meterStop, DateTimeOffset timestamp, Reason? reason, string? idTag, IReadOnlyList<MeterValue> transactionData, DateTimeOffset receivedAt)
    {
        lock (gate)
        {
            // A stop for a transaction let go from memory (a late retransmission): bring it back from the
            // database, so that it is counted as a repeated stop and the stored record is not overwritten.
            var letGo = memory.Find(transactionId) is null ? Load(transactionId) : null;
            if (letGo is not null)
            {
                memory.Revisit(letGo);
            }

            var stopped = memory.Stop(chargePointId, transactionId, meterStop, timestamp, reason, idTag, transactionData, receivedAt);
            var applied = stopped.Outcome is StopOutcome.Stopped or StopOutcome.StoppedAfterSuperseded or StopOutcome.StoppedWithoutStart;
            database.Write(changes =>
            {
                changes.Put(Kind, Key(transactionId), Serialize(stopped.Transaction));
                if (applied)
                {
                    AppendMeterValues(changes, transactionId, transactionData);
                }
            });
            if (letGo is not null)
            {
                memory.Forget(transactionId);
            }

            return stopped;
        }
    }

    /// <inheritdoc/>
    public bool AddMeterValues(string chargePointId, int transactionId, IReadOnlyList<MeterValue> values)
    {
        lock (gate)
        {
            if (!memory.AddMeterValues(chargePointId, transactionId, values))
            {
                return false;
            }

            database.Write(changes => AppendMeterValues(changes, transactionId, values));
            return true;
        }
    }

    /// <inheritdoc/>
    /// <remarks>A stopped transaction let go from memory is read from the database.</remarks>
    public TransactionRecord? Find(int transactionId) => memory.Find(transactionId) ?? Load(transactionId);

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> Active() => memory.Active();

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> All(string? chargePointId = null) => memory.All(chargePointId);

    /// <inheritdoc/>
    public TransactionCounts Counts() => memory.Counts();

    private static TransactionRecord Read(string key, string json, IReadOnlyList<string> meterValues)
    {
        var record = JsonSerializer.Deserialize(json, StateJsonContext.Default.TransactionRecord)
            ?? throw new InvalidOperationException($"Stored transaction {key} is empty.");
        return record with { MeterValueLog = ReadMeterValues(meterValues) };
    }

    private static MeterValueLog ReadMeterValues(IReadOnlyList<string> rows) =>
        MeterValueLog.Of([.. rows.Select(v => JsonSerializer.Deserialize(v, StateJsonContext.Default.MeterValue)!)]);

    private TransactionRecord? Load(int transactionId)
    {
        var key = Key(transactionId);
        return database.Document(Kind, key) is { } json ? Read(key, json, database.Appends(MeterValuesKind, key)) : null;
    }

    private static string Key(int transactionId) => transactionId.ToString(CultureInfo.InvariantCulture);

    // The meter values live in the appends table, not in the document (the record's log is not serialized).
    private static string Serialize(TransactionRecord record) =>
        JsonSerializer.Serialize(record, StateJsonContext.Default.TransactionRecord);

    private static void AppendMeterValues(CsmsDatabase.Changes changes, int transactionId, IEnumerable<MeterValue> values)
    {
        foreach (var value in values)
        {
            changes.Append(MeterValuesKind, Key(transactionId), JsonSerializer.Serialize(value, StateJsonContext.Default.MeterValue));
        }
    }
}
