using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// MeterValues (OCPP 1.6 §4.7): stored with their transaction when they name one, and kept as the
/// connector's latest reading in any case (clock-aligned values often come without a transaction).
/// </summary>
public sealed class MeterValuesHandler(ITransactionStore transactions) : IOcppHandler<ChargePointSession, MeterValuesRequest, MeterValuesResponse>
{
    private static readonly MeterValuesResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<MeterValuesResponse> HandleAsync(ChargePointSession station, MeterValuesRequest request, CancellationToken cancellationToken)
    {
        if (request.TransactionId is { } transactionId)
        {
            transactions.AddMeterValues(station.Id, transactionId, request.MeterValue);
        }

        station.SetLatestMeterValues(request.ConnectorId, request.MeterValue);
        return ValueTask.FromResult(Acknowledged);
    }
}
