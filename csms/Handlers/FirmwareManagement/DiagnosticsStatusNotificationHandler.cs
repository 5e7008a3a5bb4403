using OcppLab.Csms.Firmware;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.FirmwareManagement;

/// <summary>DiagnosticsStatusNotification (OCPP 1.6 §4.4): the diagnostics upload's progress as the station reports it.</summary>
public sealed class DiagnosticsStatusNotificationHandler(IFirmwareJobStore jobs, TimeProvider time)
    : IOcppHandler<ChargePointSession, DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>
{
    private static readonly DiagnosticsStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<DiagnosticsStatusNotificationResponse> HandleAsync(ChargePointSession station, DiagnosticsStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        station.AddDiagnosticsStatus(new StatusReport<Protocol.Messages.Types.DiagnosticsStatus>(request.Status, now));

        // The status belongs to the latest job still running; an Idle answer to a TriggerMessage with no job is kept on the station only.
        jobs.OnDiagnosticsStatus(station.Id, request.Status, now);
        return ValueTask.FromResult(Acknowledged);
    }
}
