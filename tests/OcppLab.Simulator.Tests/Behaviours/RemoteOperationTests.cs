using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class RemoteOperationTests
{
    [Test]
    public async Task Remote_start_after_plug_in_authorizes_and_starts_after_the_answer()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.ChargePoint.PlugIn(1);
        await h.SettleAsync();
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "TAG1" });

        Assert.That(answer.Status, Is.EqualTo(RemoteStartStopStatus.Accepted));
        Assert.That(h.CentralSystem.Actions, Is.EqualTo(new[] { "Authorize", "StartTransaction", "StatusNotification" }));
    }

    [Test]
    public async Task Remote_start_is_rejected_on_connector_zero_and_on_a_busy_connector()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        var zero = await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 0, IdTag = "TAG1" });
        var busy = await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "TAG2" });

        Assert.That(zero.Status, Is.EqualTo(RemoteStartStopStatus.Rejected));
        Assert.That(busy.Status, Is.EqualTo(RemoteStartStopStatus.Rejected));
    }

    [Test]
    public async Task Remote_start_without_a_cable_goes_available_again_after_connection_timeout()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.ConnectionTimeOut, "20"), (Keys.AuthorizeRemoteTxRequests, "false"));
        h.CentralSystem.Clear();

        await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "TAG1" });
        await h.AdvanceAsync(20);

        Assert.That(h.CentralSystem.All<StatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[] { ChargePointStatus.Preparing, ChargePointStatus.Available }));
        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("StartTransaction"));
    }

    [Test]
    public async Task Remote_stop_stops_with_reason_remote_and_an_unknown_id_is_rejected()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        var unknown = await h.CallAsync(new RemoteStopTransactionRequest { TransactionId = 999 });
        var known = await h.CallAsync(new RemoteStopTransactionRequest { TransactionId = 101 });

        Assert.That(unknown.Status, Is.EqualTo(RemoteStartStopStatus.Rejected));
        Assert.That(known.Status, Is.EqualTo(RemoteStartStopStatus.Accepted));
        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.Remote));
    }

    [TestCase(ResetType.Hard, Reason.HardReset)]
    [TestCase(ResetType.Soft, Reason.SoftReset)]
    public async Task Reset_stops_the_transaction_with_its_reason_then_boots_again(ResetType type, Reason reason)
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);
        h.CentralSystem.Clear();

        await h.CallAsync(new ResetRequest { Type = type });
        await h.SettleAsync();

        var actions = h.CentralSystem.Actions.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(reason));
            Assert.That(actions.IndexOf("StopTransaction"), Is.LessThan(actions.IndexOf("BootNotification")));
            Assert.That(h.ChargePoint.Registration, Is.EqualTo(RegistrationStatus.Accepted));
            Assert.That(h.Connector.Connections, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task An_inoperative_connector_stays_unavailable_across_a_reset()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative });
        h.CentralSystem.Clear();

        await h.CallAsync(new ResetRequest { Type = ResetType.Hard });
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<StatusNotificationRequest>().Select(s => (s.ConnectorId, s.Status)),
            Is.EqualTo(new[] { (0, ChargePointStatus.Available), (1, ChargePointStatus.Unavailable), (2, ChargePointStatus.Available) }));
    }

    [Test]
    public async Task Change_availability_during_a_transaction_is_scheduled_until_it_ends()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        var answer = await h.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 1, Type = AvailabilityType.Inoperative });
        var during = h.ChargePoint.StatusOf(1);
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        h.ChargePoint.Unplug(1);
        await h.SettleAsync();

        Assert.That(answer.Status, Is.EqualTo(AvailabilityStatus.Scheduled));
        Assert.That(during, Is.EqualTo(ChargePointStatus.Charging));
        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Unavailable));
    }

    [Test]
    public async Task Change_availability_of_connector_zero_makes_everything_unavailable_after_the_answer()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 0, Type = AvailabilityType.Inoperative });

        Assert.That(answer.Status, Is.EqualTo(AvailabilityStatus.Accepted));
        var statuses = h.CentralSystem.All<StatusNotificationRequest>().Select(s => s.Status).ToList();
        Assert.That(statuses, Has.Count.EqualTo(3));
        Assert.That(statuses, Is.All.EqualTo(ChargePointStatus.Unavailable));
    }

    [Test]
    public async Task Unlock_during_a_transaction_stops_it_with_unlock_command()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        var answer = await h.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 });

        Assert.That(answer.Status, Is.EqualTo(UnlockStatus.Unlocked));
        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.UnlockCommand));
    }

    [Test]
    public async Task Unlock_answers_not_supported_for_an_unknown_connector_or_a_fixed_cable_and_failed_when_injected()
    {
        await using var socket = new ChargePointHarness();
        await using var tethered = new ChargePointHarness(new ChargePointTemplate { FixedCable = true });
        await socket.BootAsync();
        await tethered.BootAsync();

        var unknown = await socket.CallAsync(new UnlockConnectorRequest { ConnectorId = 9 });
        socket.ChargePoint.FailNextUnlock = true;
        var failed = await socket.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 });
        var fixedCable = await tethered.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 });

        Assert.That(unknown.Status, Is.EqualTo(UnlockStatus.NotSupported));
        Assert.That(failed.Status, Is.EqualTo(UnlockStatus.UnlockFailed));
        Assert.That(fixedCable.Status, Is.EqualTo(UnlockStatus.NotSupported));
    }

    [Test]
    public async Task Change_configuration_validates_keys_and_values()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        var unknown = await h.CallAsync(new ChangeConfigurationRequest { Key = "Testing", Value = "true" });
        var invalid = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.MeterValueSampleInterval, Value = "-1" });
        var readOnly = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.NumberOfConnectors, Value = "4" });
        var ok = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.MeterValueSampleInterval, Value = "30" });
        var read = await h.CallAsync(new GetConfigurationRequest { Key = [Keys.MeterValueSampleInterval, "Nope"] });

        Assert.Multiple(() =>
        {
            Assert.That(unknown.Status, Is.EqualTo(ConfigurationStatus.NotSupported));
            Assert.That(invalid.Status, Is.EqualTo(ConfigurationStatus.Rejected));
            Assert.That(readOnly.Status, Is.EqualTo(ConfigurationStatus.Rejected));
            Assert.That(ok.Status, Is.EqualTo(ConfigurationStatus.Accepted));
            Assert.That(read.ConfigurationKey!.Single().Value, Is.EqualTo("30"));
            Assert.That(read.UnknownKey, Is.EqualTo(new[] { "Nope" }));
        });
    }

    [Test]
    public async Task Data_transfer_to_an_unknown_vendor_answers_unknown_vendor_id()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        var answer = await h.CallAsync(new DataTransferRequest { VendorId = "com.example" });

        Assert.That(answer.Status, Is.EqualTo(DataTransferStatus.UnknownVendorId));
    }

    [Test]
    public async Task Trigger_message_answers_first_then_sends_the_message()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.CentralSystem.Clear();

        var meter = await h.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.MeterValues, ConnectorId = 1 });
        var beat = await h.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.Heartbeat });
        var status = await h.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 2 });
        var firmware = await h.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.FirmwareStatusNotification });
        var wrong = await h.CallAsync(new TriggerMessageRequest { RequestedMessage = MessageTrigger.StatusNotification, ConnectorId = 3 });

        Assert.Multiple(() =>
        {
            Assert.That(new[] { meter.Status, beat.Status, status.Status, firmware.Status }, Is.All.EqualTo(TriggerMessageStatus.Accepted));
            Assert.That(wrong.Status, Is.EqualTo(TriggerMessageStatus.Rejected));
            Assert.That(h.CentralSystem.Actions, Is.EqualTo(new[] { "MeterValues", "Heartbeat", "StatusNotification", "FirmwareStatusNotification" }));
            Assert.That(h.CentralSystem.All<OcppLab.Protocol.Messages.FirmwareManagement.FirmwareStatusNotificationRequest>().Single().Status, Is.EqualTo(FirmwareStatus.Idle));
        });
    }

    [Test]
    public async Task Power_loss_without_backup_ends_the_transaction_with_power_loss_after_the_reboot()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync(1);

        await h.ChargePoint.CutPowerAsync();
        await h.AdvanceAsync(30);
        h.ChargePoint.RestorePower();
        await h.SettleAsync();

        var actions = h.CentralSystem.Actions.ToList();
        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.PowerLoss));
        Assert.That(actions.LastIndexOf("BootNotification"), Is.LessThan(actions.IndexOf("StopTransaction")));
    }

    [Test]
    public async Task Power_loss_with_backup_stops_the_transaction_before_going_down()
    {
        await using var h = new ChargePointHarness(new ChargePointTemplate { BackupPower = true });
        await h.BootAsync();
        await h.StartChargingAsync(1);

        await h.ChargePoint.CutPowerAsync();
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.PowerLoss));
        Assert.That(h.ChargePoint.IsConnected, Is.False);
    }

    [Test]
    public async Task A_new_authorization_key_is_hidden_and_used_from_a_new_connection()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        var change = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.AuthorizationKey, Value = "OCA_OCTT_admin_test" });
        var read = await h.CallAsync(new GetConfigurationRequest { Key = [Keys.AuthorizationKey] });
        var tooShort = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.AuthorizationKey, Value = "short" });

        Assert.Multiple(() =>
        {
            Assert.That(change.Status, Is.EqualTo(ConfigurationStatus.Accepted));
            Assert.That(read.ConfigurationKey!.Single().Value, Is.Null);
            Assert.That(tooShort.Status, Is.EqualTo(ConfigurationStatus.Rejected));
            Assert.That(h.ChargePoint.BasicAuthPassword, Is.EqualTo("OCA_OCTT_admin_test"));
            Assert.That(h.Connector.Connections, Is.EqualTo(2));
        });
    }
}
