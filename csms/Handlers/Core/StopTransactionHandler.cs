using OcppLab.Csms.IdTags;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// StopTransaction (OCPP 1.6 §4.10): records the stop, its reason and transactionData. Always
/// acknowledged — also for a transaction from an earlier connection or one the Central System never
/// saw start — because a station retries an unacknowledged stop and nothing may be lost.
/// </summary>
public sealed class StopTransactionHandler(IdTagAuthorizer authorizer, ITransactionStore transactions, TransactionAnomalies anomalies, TimeProvider time)
    : IOcppHandler<ChargePointSession, StopTransactionRequest, StopTransactionResponse>
{
    /// <inheritdoc/>
    public ValueTask<StopTransactionResponse> HandleAsync(ChargePointSession station, StopTransactionRequest request, CancellationToken cancellationToken)
    {
        var stopped = transactions.Stop(station.Id, request.TransactionId, request.MeterStop, request.Timestamp, request.Reason, request.IdTag, request.TransactionData ?? [], time.GetUtcNow());
        anomalies.OnStopped(station.Id, stopped);
        return ValueTask.FromResult(new StopTransactionResponse
        {
            // idTagInfo is sent only when the request carried an idTag (OCPP 1.6 §6.52).
            IdTagInfo = request.IdTag is null ? null : authorizer.Authorize(request.IdTag),
        });
    }
}
