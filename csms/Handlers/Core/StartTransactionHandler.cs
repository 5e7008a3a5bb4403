using OcppLab.Csms.IdTags;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// StartTransaction (OCPP 1.6 §4.8): always records the transaction and returns a new transactionId,
/// even when the tag is not Accepted — the station may already be charging (an offline start with a
/// past timestamp) and decides itself whether to stop (StopTransactionOnInvalidId). A transaction still running
/// on the connector is closed as superseded, with a warning (README, decision log).
/// </summary>
public sealed class StartTransactionHandler(
    IdTagAuthorizer authorizer, ITransactionStore transactions, IReservationUse reservations, RemoteStartWaiters remoteStarts, TransactionAnomalies anomalies, TimeProvider time)
    : IOcppHandler<ChargePointSession, StartTransactionRequest, StartTransactionResponse>
{
    /// <inheritdoc/>
    public ValueTask<StartTransactionResponse> HandleAsync(ChargePointSession station, StartTransactionRequest request, CancellationToken cancellationToken)
    {
        if (transactions.FindStart(station.Id, request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp) is { } earlier)
        {
            // The station did not get our answer (a dropped link, or the Central System restarted before it
            // answered) and sends the same start again: the same transactionId and status, nothing new recorded.
            transactions.RecordRetransmittedStart(earlier.TransactionId);
            var again = authorizer.Authorize(request.IdTag) with { Status = earlier.StartAuthorization };
            return ValueTask.FromResult(new StartTransactionResponse { IdTagInfo = again, TransactionId = earlier.TransactionId });
        }

        var idTagInfo = authorizer.AuthorizeStart(request.IdTag, station.Id, request.ConnectorId);
        var started = transactions.Start(station.Id, request.ConnectorId, request.IdTag, request.MeterStart, request.Timestamp, request.ReservationId, idTagInfo.Status, time.GetUtcNow());
        anomalies.OnStarted(started);
        var record = started.Transaction;
        reservations.OnTransactionStarted(station.Id, request.ConnectorId, request.IdTag, request.ReservationId, record.TransactionId);
        remoteStarts.OnTransactionStarted(station.Id, request.ConnectorId, request.IdTag, record.TransactionId);
        return ValueTask.FromResult(new StartTransactionResponse { IdTagInfo = idTagInfo, TransactionId = record.TransactionId });
    }
}
