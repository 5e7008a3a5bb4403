using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.FirmwareManagement;

/// <summary>FirmwareStatusNotification (OCPP 1.6 §4.5): the firmware update's progress as the station reports it.</summary>
public sealed class FirmwareStatusNotificationHandler(TimeProvider time)
    : IOcppHandler<ChargePointSession, FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    private static readonly FirmwareStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<FirmwareStatusNotificationResponse> HandleAsync(ChargePointSession station, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        station.AddFirmwareStatus(new StatusReport<Protocol.Messages.Types.FirmwareStatus>(request.Status, time.GetUtcNow()));
        return ValueTask.FromResult(Acknowledged);
    }
}
