using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Security;

/// <summary>SecurityEventNotification (Security Whitepaper ed. 3 §5.1, §6.3.12): kept for the operator and logged.</summary>
public sealed class SecurityEventNotificationHandler(SecurityRecordStore records, TimeProvider time, ILogger<SecurityEventNotificationHandler> logger)
    : IOcppHandler<ChargePointSession, SecurityEventNotificationRequest, SecurityEventNotificationResponse>
{
    private static readonly SecurityEventNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<SecurityEventNotificationResponse> HandleAsync(ChargePointSession station, SecurityEventNotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        records.For(station.Id).Add(new SecurityEventRecord(request.Type, request.Timestamp, request.TechInfo, time.GetUtcNow()));
        SecurityLog.SecurityEvent(logger, station.Id, request.Type, request.Timestamp, request.TechInfo);
        return ValueTask.FromResult(Acknowledged);
    }
}
