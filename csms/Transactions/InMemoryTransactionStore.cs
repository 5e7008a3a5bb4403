using System.Collections.Concurrent;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>
/// Transactions held in memory. Records are immutable and replaced atomically per transaction. Running
/// transactions are always kept; of the stopped ones only the latest <paramref name="keepStopped"/> stay, so
/// that a Central System running for days holds a bounded history (every meter value of every session would
/// otherwise grow memory without end; bench/RESULTS.md, soak).
/// </summary>
public sealed class InMemoryTransactionStore(int firstTransactionId = 1, int keepStopped = int.MaxValue) : ITransactionStore
{
    private readonly ConcurrentDictionary<int, TransactionRecord> transactions = new();

    // Running transactions by id, so that ConcurrentTx checks do not scan the whole history.
    private readonly ConcurrentDictionary<int, byte> active = new();

    // The latest transaction started on each connector, so that a retransmitted start is found without a scan.
    private readonly ConcurrentDictionary<(string ChargePointId, int ConnectorId), int> latestOnConnector = new();
    // Stopped transactions in the order they stopped: the oldest are let go first.
    private readonly ConcurrentQueue<int> stoppedInOrder = new();
    private int lastId = firstTransactionId - 1;
    private Counters counts;

    /// <inheritdoc/>
    public TransactionCounts Counts() => new(
        Interlocked.Read(ref counts.Started),
        Interlocked.Read(ref counts.Stopped),
        Interlocked.Read(ref counts.StoppedWithoutStart),
        Interlocked.Read(ref counts.RepeatedStarts),
        Interlocked.Read(ref counts.RepeatedStops),
        Interlocked.Read(ref counts.ForeignStops),
        Interlocked.Read(ref counts.LetGo),
        active.Count,
        transactions.Count,
        Interlocked.Read(ref counts.Superseded),
        Interlocked.Read(ref counts.RunningAtReboot));

    /// <summary>The last transactionId handed out (a durable store keeps it so that ids are never reused).</summary>
    public int LastIssuedId => Volatile.Read(ref lastId);

    /// <inheritdoc/>
    public TransactionStarted Start(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp, int? reservationId, AuthorizationStatus authorization, DateTimeOffset receivedAt)
    {
        var id = NextId();
        var superseded = Supersede(chargePointId, connectorId, id, timestamp, receivedAt);
        var record = new TransactionRecord
        {
            TransactionId = id,
            ChargePointId = chargePointId,
            ConnectorId = connectorId,
            IdTag = idTag,
            StartAuthorization = authorization,
            MeterStart = meterStart,
            StartTimestamp = timestamp,
            StartReceivedAt = receivedAt,
            ReservationId = reservationId,
        };
        transactions[id] = record;
        active[id] = 0;
        latestOnConnector[(chargePointId, connectorId)] = id;
        Interlocked.Increment(ref counts.Started);
        return new TransactionStarted(record, superseded);
    }

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> MarkRunningAtReboot(string chargePointId, DateTimeOffset bootedAt)
    {
        List<TransactionRecord>? marked = null;
        foreach (var id in active.Keys)
        {
            while (transactions.TryGetValue(id, out var existing)
                && existing.IsActive
                && existing.RunningAtReboot is null
                && string.Equals(existing.ChargePointId, chargePointId, StringComparison.Ordinal))
            {
                var flagged = existing with { RunningAtReboot = bootedAt };
                if (transactions.TryUpdate(id, flagged, existing))
                {
                    Interlocked.Increment(ref counts.RunningAtReboot);
                    (marked ??= []).Add(flagged);
                    break;
                }
            }
        }

        return marked is null ? [] : [.. marked.OrderBy(t => t.TransactionId)];
    }

    /// <inheritdoc/>
    public TransactionRecord? FindStart(string chargePointId, int connectorId, string idTag, int meterStart, DateTimeOffset timestamp) =>
        latestOnConnector.TryGetValue((chargePointId, connectorId), out var id)
        && transactions.TryGetValue(id, out var latest)
        && latest.IsActive
        && !latest.StartUnknown
        && latest.MeterStart == meterStart
        && latest.StartTimestamp == timestamp
        && string.Equals(latest.IdTag, idTag, StringComparison.OrdinalIgnoreCase)
            ? latest
            : null;

    /// <inheritdoc/>
    public TransactionRecord RecordRetransmittedStart(int transactionId)
    {
        while (true)
        {
            var existing = transactions.GetValueOrDefault(transactionId) ?? throw new KeyNotFoundException($"Transaction {transactionId} is unknown.");
            var counted = existing with { DuplicateStarts = existing.DuplicateStarts + 1 };
            if (transactions.TryUpdate(transactionId, counted, existing))
            {
                Interlocked.Increment(ref counts.RepeatedStarts);
                return counted;
            }
        }
    }

    /// <summary>Puts back a transaction read from durable storage, as it was, and counts it.</summary>
    public void Restore(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var known = transactions.ContainsKey(record.TransactionId);
        transactions[record.TransactionId] = record;
        if (!known)
        {
            counts.Add(record);
        }

        if (record.IsActive)
        {
            active[record.TransactionId] = 0;
        }
        else
        {
            Remember(record.TransactionId);
        }

        if (!record.StartUnknown)
        {
            latestOnConnector.AddOrUpdate((record.ChargePointId, record.ConnectorId), record.TransactionId, (_, current) => Math.Max(current, record.TransactionId));
        }
    }

    /// <summary>
    /// Holds a stopped transaction let go earlier for one change (a late repeated stop), without counting it
    /// again; <see cref="Forget"/> lets it go once more.
    /// </summary>
    public void Revisit(TransactionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        transactions.TryAdd(record.TransactionId, record);
    }

    /// <summary>Lets go of a stopped transaction held by <see cref="Revisit"/>.</summary>
    public void Forget(int transactionId)
    {
        if (transactions.TryGetValue(transactionId, out var record) && !record.IsActive)
        {
            transactions.TryRemove(transactionId, out _);
        }
    }

    /// <summary>Moves the id counter past <paramref name="lastIssuedId"/> (ids handed out before a restart).</summary>
    public void RestoreCounter(int lastIssuedId) => InterlockedMax(ref lastId, lastIssuedId);

    /// <inheritdoc/>
    public TransactionStopped Stop(string chargePointId, int transactionId, int meterStop, DateTimeOffset timestamp, Reason? reason, string? idTag, IReadOnlyList<MeterValue> transactionData, DateTimeOffset receivedAt)
    {
        while (true)
        {
            if (!transactions.TryGetValue(transactionId, out var existing))
            {
                var unknown = new TransactionRecord
                {
                    TransactionId = transactionId,
                    ChargePointId = chargePointId,
                    ConnectorId = 0,
                    IdTag = idTag ?? "",
                    StartAuthorization = AuthorizationStatus.Invalid,
                    MeterStart = meterStop,
                    StartTimestamp = timestamp,
                    StartReceivedAt = receivedAt,
                    StartUnknown = true,
                    MeterStop = meterStop,
                    StopTimestamp = timestamp,
                    StopReceivedAt = receivedAt,
                    StopReason = reason ?? Reason.Local,
                    StopIdTag = idTag,
                    MeterValueLog = MeterValueLog.Of(transactionData),
                };
                if (transactions.TryAdd(transactionId, unknown))
                {
                    // Arrived stopped: it joins the history.
                    Interlocked.Increment(ref counts.Stopped);
                    Interlocked.Increment(ref counts.StoppedWithoutStart);
                    Remember(transactionId);
                    return new TransactionStopped(unknown, StopOutcome.StoppedWithoutStart);
                }

                continue;
            }

            var outcome = !string.Equals(existing.ChargePointId, chargePointId, StringComparison.Ordinal) ? StopOutcome.Foreign
                : existing.IsActive ? StopOutcome.Stopped
                : existing.ClosedWithoutStop ? StopOutcome.StoppedAfterSuperseded
                : StopOutcome.Repeated;
            var updated = outcome switch
            {
                StopOutcome.Foreign => existing with { ForeignStops = existing.ForeignStops + 1 },
                StopOutcome.Repeated => existing with { DuplicateStops = existing.DuplicateStops + 1 },
                _ => existing with
                {
                    MeterStop = meterStop,
                    StopTimestamp = timestamp,
                    StopReceivedAt = receivedAt,
                    StopReason = reason ?? Reason.Local,
                    StopIdTag = idTag,
                },
            };
            if (!transactions.TryUpdate(transactionId, updated, existing))
            {
                continue;
            }

            if (outcome is StopOutcome.Stopped or StopOutcome.StoppedAfterSuperseded)
            {
                // Appended once the stop is applied, so that a retried update cannot add them twice.
                updated.MeterValueLog.Append(transactionData);
                updated.MeterValueLog.Seal();
            }

            switch (outcome)
            {
                case StopOutcome.Foreign:
                    Interlocked.Increment(ref counts.ForeignStops);
                    break;
                case StopOutcome.Repeated:
                    Interlocked.Increment(ref counts.RepeatedStops);
                    break;
                case StopOutcome.Stopped:
                    // It has just stopped: it joins the history.
                    active.TryRemove(transactionId, out _);
                    Interlocked.Increment(ref counts.Stopped);
                    Remember(transactionId);
                    break;
                default:
                    // Closed as superseded earlier, so already counted as stopped and already in the history.
                    break;
            }

            return new TransactionStopped(updated, outcome);
        }
    }

    /// <inheritdoc/>
    public bool AddMeterValues(string chargePointId, int transactionId, IReadOnlyList<MeterValue> values)
    {
        if (!transactions.TryGetValue(transactionId, out var existing)
            || !string.Equals(existing.ChargePointId, chargePointId, StringComparison.Ordinal))
        {
            // Unknown, or another station's transaction: its meter values are not ours to change.
            return false;
        }

        // Appended to the log the record points to: the record itself is not replaced (see MeterValueLog).
        existing.MeterValueLog.Append(values);
        return true;
    }

    /// <inheritdoc/>
    public TransactionRecord? Find(int transactionId) => transactions.GetValueOrDefault(transactionId);

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> Active() =>
        [.. active.Keys.Select(id => transactions.GetValueOrDefault(id)).OfType<TransactionRecord>().Where(t => t.IsActive)];

    /// <inheritdoc/>
    public IReadOnlyList<TransactionRecord> All(string? chargePointId = null) =>
        [.. transactions.Values
            .Where(t => chargePointId is null || string.Equals(t.ChargePointId, chargePointId, StringComparison.Ordinal))
            .OrderByDescending(t => t.TransactionId)];

    // Counted since the history began (with a data directory, across restarts): not what memory holds now.
    private struct Counters
    {
        public long Started;
        public long Stopped;
        public long StoppedWithoutStart;
        public long RepeatedStarts;
        public long RepeatedStops;
        public long ForeignStops;
        public long LetGo;
        public long Superseded;
        public long RunningAtReboot;

        public void Add(TransactionRecord record)
        {
            Started += record.StartUnknown ? 0 : 1;
            Stopped += record.IsActive ? 0 : 1;
            StoppedWithoutStart += record.StartUnknown ? 1 : 0;
            RepeatedStarts += record.DuplicateStarts;
            RepeatedStops += record.DuplicateStops;
            ForeignStops += record.ForeignStops;
            Superseded += record.SupersededBy is null ? 0 : 1;
            RunningAtReboot += record.RunningAtReboot is null ? 0 : 1;
        }
    }

    // A connector runs one transaction at a time, so a start on a connector whose transaction is still running
    // means that transaction ended without its StopTransaction.req reaching us. It is closed now, as superseded,
    // so that it neither runs on for ever nor holds its id tag against ConcurrentTx.
    private TransactionRecord? Supersede(string chargePointId, int connectorId, int newTransactionId, DateTimeOffset startTimestamp, DateTimeOffset receivedAt)
    {
        if (!latestOnConnector.TryGetValue((chargePointId, connectorId), out var olderId))
        {
            return null;
        }

        while (transactions.TryGetValue(olderId, out var older) && older.IsActive)
        {
            var closed = older with { SupersededBy = newTransactionId, StopTimestamp = startTimestamp, StopReceivedAt = receivedAt };
            if (transactions.TryUpdate(olderId, closed, older))
            {
                active.TryRemove(olderId, out _);
                Interlocked.Increment(ref counts.Stopped);
                Interlocked.Increment(ref counts.Superseded);
                Remember(olderId);
                return closed;
            }
        }

        return null;
    }

    private void Remember(int stoppedTransactionId)
    {
        stoppedInOrder.Enqueue(stoppedTransactionId);
        while (stoppedInOrder.Count > keepStopped && stoppedInOrder.TryDequeue(out var oldest))
        {
            if (transactions.TryGetValue(oldest, out var record) && !record.IsActive && transactions.TryRemove(oldest, out _))
            {
                Interlocked.Increment(ref counts.LetGo);
            }
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    private int NextId()
    {
        while (true)
        {
            var id = Interlocked.Increment(ref lastId);
            // An unknown stop may have claimed an id ahead of the counter; skip it rather than overwrite it.
            if (!transactions.ContainsKey(id))
            {
                return id;
            }
        }
    }
}
