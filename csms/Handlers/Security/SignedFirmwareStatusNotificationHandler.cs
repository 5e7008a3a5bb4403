using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Handlers.Security;

/// <summary>
/// SignedFirmwareStatusNotification (Security Whitepaper ed. 3 §4.4, §6.3.15): each state of a signed
/// firmware update (Downloading … SignatureVerified/InvalidSignature … Installed), by requestId.
/// </summary>
public sealed class SignedFirmwareStatusNotificationHandler(SecurityRecordStore records, TimeProvider time)
    : IOcppHandler<ChargePointSession, SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>
{
    private static readonly SignedFirmwareStatusNotificationResponse Acknowledged = new();

    /// <inheritdoc/>
    public ValueTask<SignedFirmwareStatusNotificationResponse> HandleAsync(ChargePointSession station, SignedFirmwareStatusNotificationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        records.For(station.Id).Add(new SignedFirmwareStatusRecord(request.Status, request.RequestId, time.GetUtcNow()));
        return ValueTask.FromResult(Acknowledged);
    }
}
