using OcppLab.Csms.Firmware;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.FirmwareManagement;

/// <summary>FirmwareStatusNotification (OCPP 1.6 §4.5): the firmware update's progress as the station reports it.</summary>
public sealed class FirmwareStatusNotificationHandler(IFirmwareJobStore jobs, TimeProvider time)
    : IOcppHandler<ChargePointSession, FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>
{
    private static readonly FirmwareStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<FirmwareStatusNotificationResponse> HandleAsync(ChargePointSession station, FirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        station.AddFirmwareStatus(new StatusReport<Protocol.Messages.Types.FirmwareStatus>(request.Status, now));

        // The status belongs to the latest job still running; an Idle answer to a TriggerMessage with no job is kept on the station only.
        jobs.OnFirmwareStatus(station.Id, request.Status, now);
        return ValueTask.FromResult(Acknowledged);
    }
}
