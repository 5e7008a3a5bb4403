using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>StatusNotification (OCPP 1.6 §4.9): every status and error code, for connector 0 and each connector.</summary>
public sealed class StatusNotificationHandler(TimeProvider time) : IOcppHandler<ChargePointSession, StatusNotificationRequest, StatusNotificationResponse>
{
    private static readonly StatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<StatusNotificationResponse> HandleAsync(ChargePointSession station, StatusNotificationRequest request, CancellationToken cancellationToken)
    {
        station.SetConnector(new ConnectorState(
            request.ConnectorId,
            request.Status,
            request.ErrorCode,
            request.Info,
            request.VendorId,
            request.VendorErrorCode,
            request.Timestamp ?? time.GetUtcNow()));
        return ValueTask.FromResult(Acknowledged);
    }
}
