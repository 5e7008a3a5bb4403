using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>The Remote Trigger profile (OCPP 1.6 §5.17): answer first, then send the requested message.</summary>
public sealed partial class VirtualChargePoint
{
    private TriggerMessageResponse OnTriggerMessage(TriggerMessageRequest request)
    {
        if (!Template.Supports("RemoteTrigger"))
        {
            return new() { Status = TriggerMessageStatus.NotImplemented };
        }

        if (request.ConnectorId is { } id && ConnectorAt(id) is null)
        {
            return new() { Status = TriggerMessageStatus.Rejected }; // OCTT TC_055
        }

        Action send = request.RequestedMessage switch
        {
            MessageTrigger.BootNotification => () => _ = Send(BootRequest()),
            MessageTrigger.Heartbeat => SendHeartbeat,
            MessageTrigger.DiagnosticsStatusNotification => () => _ = Send(new DiagnosticsStatusNotificationRequest { Status = diagnosticsStatus }),
            MessageTrigger.FirmwareStatusNotification => () => _ = Send(new FirmwareStatusNotificationRequest { Status = firmwareStatus }),
            MessageTrigger.StatusNotification => () => TriggerStatus(request.ConnectorId),
            MessageTrigger.MeterValues => () => TriggerMeterValues(request.ConnectorId),
            _ => () => { }
            ,
        };
        AfterResponse(send);
        return new() { Status = TriggerMessageStatus.Accepted };
    }

    private void TriggerStatus(int? connectorId)
    {
        foreach (var state in connectorId is { } id ? [connectors[id]] : connectors)
        {
            StatusReport report;
            report = Derive(state);

            Report(state, report, force: true);
        }
    }

    private void TriggerMeterValues(int? connectorId)
    {
        foreach (var state in connectorId is { } id ? [connectors[id]] : Outlets)
        {
            var tx = TransactionOn(state.Id);
            var value = Sample(state, Configuration.GetMeasurands(Keys.MeterValuesSampledData), ReadingContext.Trigger, Now);
            _ = Send(new MeterValuesRequest { ConnectorId = state.Id, TransactionId = tx?.TransactionId, MeterValue = [value] });
        }
    }
}
