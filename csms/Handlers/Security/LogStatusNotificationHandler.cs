using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Security;

/// <summary>LogStatusNotification (Security Whitepaper ed. 3 §4.2, §6.3.9): the progress of a GetLog upload, by requestId.</summary>
public sealed class LogStatusNotificationHandler(SecurityRecordStore records, TimeProvider time)
    : IOcppHandler<ChargePointSession, LogStatusNotificationRequest, LogStatusNotificationResponse>
{
    private static readonly LogStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<LogStatusNotificationResponse> HandleAsync(ChargePointSession station, LogStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        records.For(station.Id).Add(new LogStatusRecord(request.Status, request.RequestId, time.GetUtcNow()));
        return ValueTask.FromResult(Acknowledged);
    }
}
