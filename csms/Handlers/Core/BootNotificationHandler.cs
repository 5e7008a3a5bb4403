using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Core;

/// <summary>
/// BootNotification (OCPP 1.6 §4.2): registers the station. Known stations get their configured status;
/// unknown ones get <see cref="CsmsOptions.UnknownChargePoints"/>. When Accepted, <c>interval</c> is the
/// heartbeat interval; otherwise it is the wait before the station may boot again. Transactions the station
/// still has running are marked as running at a reboot, with a warning: they stay open, because a station
/// delivers the StopTransaction.req of a transaction cut short by the reboot after booting (OCPP 1.6 §4.10, §5.14).
/// </summary>
public sealed class BootNotificationHandler(IOptionsMonitor<CsmsOptions> options, ITransactionStore transactions, TransactionAnomalies anomalies, TimeProvider time)
    : IOcppHandler<ChargePointSession, BootNotificationRequest, BootNotificationResponse>
{
    /// <inheritdoc/>
    public ValueTask<BootNotificationResponse> HandleAsync(ChargePointSession station, BootNotificationRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var status = settings.ChargePoints.FirstOrDefault(c => string.Equals(c.Id, station.Id, StringComparison.Ordinal))?.Registration
            ?? settings.UnknownChargePoints;
        var now = time.GetUtcNow();
        station.LastBoot = new BootRecord(request, status, now);
        anomalies.OnReboot(station.Id, transactions.MarkRunningAtReboot(station.Id, now));
        return ValueTask.FromResult(new BootNotificationResponse
        {
            CurrentTime = now,
            Interval = status == RegistrationStatus.Accepted ? settings.HeartbeatIntervalSeconds : settings.RetryBootIntervalSeconds,
            Status = status,
        });
    }
}
