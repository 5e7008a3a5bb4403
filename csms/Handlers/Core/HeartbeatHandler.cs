using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>Heartbeat (OCPP 1.6 §4.6): notes that the station is alive and tells it the time.</summary>
public sealed class HeartbeatHandler(TimeProvider time) : IOcppHandler<ChargePointSession, HeartbeatRequest, HeartbeatResponse>
{
    /// <inheritdoc/>
    public ValueTask<HeartbeatResponse> HandleAsync(ChargePointSession station, HeartbeatRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        station.LastHeartbeat = now;
        return ValueTask.FromResult(new HeartbeatResponse { CurrentTime = now });
    }
}
