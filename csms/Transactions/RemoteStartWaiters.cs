namespace OcppLab.Csms.Transactions;

/// <summary>
/// Operators waiting for the StartTransaction that follows an accepted RemoteStartTransaction
/// (OCPP 1.6 §5.11: the station starts the transaction itself, so the transactionId only arrives with
/// its StartTransaction.req). A start matches the oldest waiter of the same station and id tag whose
/// connector is the same or was left to the station.
/// </summary>
public sealed class RemoteStartWaiters
{
    private readonly Lock gate = new();
    private readonly List<Waiter> waiters = [];

    /// <summary>Starts waiting; dispose the waiter when no longer interested.</summary>
    public Waiter Register(string chargePointId, int? connectorId, string idTag)
    {
        var waiter = new Waiter(this, chargePointId, connectorId, idTag);
        lock (gate)
        {
            waiters.Add(waiter);
        }

        return waiter;
    }

    /// <summary>Completes the waiter a StartTransaction answers, if any.</summary>
    public void OnTransactionStarted(string chargePointId, int connectorId, string idTag, int transactionId)
    {
        Waiter? match;
        lock (gate)
        {
            match = waiters.FirstOrDefault(w => w.Matches(chargePointId, connectorId, idTag));
            if (match is not null)
            {
                waiters.Remove(match);
            }
        }

        match?.Complete(transactionId, connectorId);
    }

    private void Remove(Waiter waiter)
    {
        lock (gate)
        {
            waiters.Remove(waiter);
        }
    }

    /// <summary>One operator's wait for a transaction to start.</summary>
    public sealed class Waiter : IDisposable
    {
        private readonly RemoteStartWaiters owner;
        private readonly string chargePointId;
        private readonly int? connectorId;
        private readonly string idTag;
        private readonly TaskCompletionSource<(int TransactionId, int ConnectorId)> started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal Waiter(RemoteStartWaiters owner, string chargePointId, int? connectorId, string idTag)
        {
            this.owner = owner;
            this.chargePointId = chargePointId;
            this.connectorId = connectorId;
            this.idTag = idTag;
        }

        /// <summary>Completes with the transactionId and connector once the station starts the transaction.</summary>
        public Task<(int TransactionId, int ConnectorId)> Started => started.Task;

        /// <inheritdoc/>
        public void Dispose() => owner.Remove(this);

        internal bool Matches(string station, int connector, string tag) =>
            string.Equals(station, chargePointId, StringComparison.Ordinal)
            && (connectorId is null or 0 || connectorId == connector)
            && string.Equals(tag, idTag, StringComparison.OrdinalIgnoreCase);

        internal void Complete(int transactionId, int connector) => started.TrySetResult((transactionId, connector));
    }
}
