using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// TriggerMessage (OCPP 1.6 §5.17) and ExtendedTriggerMessage (Security Whitepaper §3.7): answer first, then
/// the behaviour that owns the requested message sends it.
/// </summary>
internal sealed class Triggers(
    ChargePointContext context,
    BootAndHeartbeat registration,
    ConnectorStatus status,
    PowerAndMeterValues metering,
    FirmwareUpdates firmware,
    SignedFirmwareAndLogs signedFirmware,
    CertificateManagement certificates)
{
    public TriggerMessageResponse OnTriggerMessage(TriggerMessageRequest request)
    {
        if (!context.Template.Supports("RemoteTrigger"))
        {
            return new() { Status = TriggerMessageStatus.NotImplemented };
        }

        if (request.ConnectorId is { } id && context.ConnectorAt(id) is null)
        {
            return new() { Status = TriggerMessageStatus.Rejected }; // OCTT TC_055
        }

        Action send = request.RequestedMessage switch
        {
            MessageTrigger.BootNotification => () => _ = context.Messages.Send(registration.BootRequest()),
            MessageTrigger.Heartbeat => registration.SendHeartbeat,
            MessageTrigger.DiagnosticsStatusNotification => firmware.SendDiagnosticsStatus,
            MessageTrigger.FirmwareStatusNotification => firmware.SendFirmwareStatus,
            MessageTrigger.StatusNotification => () => status.Trigger(request.ConnectorId),
            MessageTrigger.MeterValues => () => metering.Trigger(request.ConnectorId),
            _ => () => { }
            ,
        };
        context.AfterResponse(send);
        return new() { Status = TriggerMessageStatus.Accepted };
    }

    public ExtendedTriggerMessageResponse OnExtendedTriggerMessage(ExtendedTriggerMessageRequest request)
    {
        if (request.ConnectorId is { } id && context.ConnectorAt(id) is null)
        {
            return new() { Status = ExtendedTriggerMessageStatus.Rejected };
        }

        Action send = request.RequestedMessage switch
        {
            ExtendedMessageTrigger.BootNotification => () => _ = context.Messages.Send(registration.BootRequest()),
            ExtendedMessageTrigger.Heartbeat => registration.SendHeartbeat,
            ExtendedMessageTrigger.LogStatusNotification => signedFirmware.SendLogStatus,
            ExtendedMessageTrigger.FirmwareStatusNotification => signedFirmware.SendSignedFirmwareStatus,
            ExtendedMessageTrigger.StatusNotification => () => status.Trigger(request.ConnectorId),
            ExtendedMessageTrigger.MeterValues => () => metering.Trigger(request.ConnectorId),
            ExtendedMessageTrigger.SignChargePointCertificate => () => _ = certificates.RenewAsync(),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.RequestedMessage, "The schema admits no other trigger."),
        };
        context.AfterResponse(send);
        return new() { Status = ExtendedTriggerMessageStatus.Accepted };
    }
}
