using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.FirmwareManagement;

/// <summary>DiagnosticsStatusNotification (OCPP 1.6 §4.4): the diagnostics upload's progress as the station reports it.</summary>
public sealed class DiagnosticsStatusNotificationHandler(TimeProvider time)
    : IOcppHandler<ChargePointSession, DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>
{
    private static readonly DiagnosticsStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<DiagnosticsStatusNotificationResponse> HandleAsync(ChargePointSession station, DiagnosticsStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        station.AddDiagnosticsStatus(new StatusReport<Protocol.Messages.Types.DiagnosticsStatus>(request.Status, time.GetUtcNow()));
        return ValueTask.FromResult(Acknowledged);
    }
}
