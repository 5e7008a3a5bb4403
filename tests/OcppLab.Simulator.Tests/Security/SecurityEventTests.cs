using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Security;

public sealed class SecurityEventTests
{
    private const string Key = "0123456789abcdef0123";

    [Test]
    public async Task On_a_security_profile_the_start_up_and_a_reset_are_pushed_as_security_events()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, Key));

        await lab.CallAsync(new ResetRequest { Type = ResetType.Hard });
        await lab.Harness.AdvanceAsync(2);

        Assert.That(lab.CentralSystem.SecurityEvents, Is.EqualTo(new[] { SecurityEventType.StartupOfTheDevice, SecurityEventType.ResetOrReboot }));
        Assert.That(lab.CentralSystem.All<SecurityEventNotificationRequest>().Last().TechInfo, Is.EqualTo("HardReset"));
    }

    [Test]
    public async Task Without_a_security_profile_events_are_only_logged()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();

        Assert.That(lab.CentralSystem.SecurityEvents, Is.Empty);
        Assert.That(lab.ChargePoint.SecurityLog.Entries.Select(e => e.Type), Is.EqualTo(new[] { SecurityEventType.StartupOfTheDevice }));
    }

    [Test]
    public async Task Clearing_the_security_log_leaves_the_clearing_as_its_only_entry()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, Key));

        lab.ChargePoint.ClearSecurityLog();
        await lab.Harness.SettleAsync();

        Assert.That(lab.ChargePoint.SecurityLog.Entries.Select(e => e.Type), Is.EqualTo(new[] { SecurityEventType.SecurityLogWasCleared }));
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.SecurityLogWasCleared));
    }

    [Test]
    public async Task An_event_raised_while_offline_is_pushed_after_the_reconnect()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, Key));
        lab.ChargePoint.DropNetwork();
        await lab.Harness.SettleAsync();

        lab.ChargePoint.RaiseSecurityEvent(SecurityEventType.TamperDetectionActivated, "cover opened");
        lab.ChargePoint.RestoreNetwork();
        await lab.Harness.AdvanceAsync(2);

        var pushed = lab.CentralSystem.All<SecurityEventNotificationRequest>().Last();
        Assert.That(pushed.Type, Is.EqualTo(SecurityEventType.TamperDetectionActivated));
        Assert.That(pushed.Timestamp, Is.EqualTo(Support.ChargePointHarness.Start));
    }

    [TestCase(ExtendedMessageTrigger.Heartbeat, "Heartbeat")]
    [TestCase(ExtendedMessageTrigger.BootNotification, "BootNotification")]
    [TestCase(ExtendedMessageTrigger.LogStatusNotification, "LogStatusNotification")]
    [TestCase(ExtendedMessageTrigger.FirmwareStatusNotification, "SignedFirmwareStatusNotification")]
    [TestCase(ExtendedMessageTrigger.StatusNotification, "StatusNotification")]
    [TestCase(ExtendedMessageTrigger.MeterValues, "MeterValues")]
    public async Task An_extended_trigger_is_accepted_and_the_message_follows(ExtendedMessageTrigger trigger, string action)
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();
        lab.CentralSystem.Clear();

        var response = await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = trigger, ConnectorId = 1 });

        Assert.That(response.Status, Is.EqualTo(ExtendedTriggerMessageStatus.Accepted));
        Assert.That(lab.CentralSystem.Received.Select(r => r.GetType().Name), Does.Contain(action + "Request"));
    }

    [Test]
    public async Task An_extended_trigger_for_an_unknown_connector_is_rejected()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();

        var response = await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.StatusNotification, ConnectorId = 9 });

        Assert.That(response.Status, Is.EqualTo(ExtendedTriggerMessageStatus.Rejected));
    }

    [Test]
    public async Task Log_and_firmware_status_triggers_report_idle_when_nothing_runs()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();

        await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.LogStatusNotification });
        await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.FirmwareStatusNotification });

        Assert.That(lab.CentralSystem.All<LogStatusNotificationRequest>().Single().Status, Is.EqualTo(UploadLogStatus.Idle));
        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>().Single().Status, Is.EqualTo(SignedFirmwareStatus.Idle));
    }
}
