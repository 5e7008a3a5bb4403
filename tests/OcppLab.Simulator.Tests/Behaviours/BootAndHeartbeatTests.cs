using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class BootAndHeartbeatTests
{
    [Test]
    public async Task An_accepted_boot_reports_every_connector_available_then_beats_at_the_given_interval()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.HeartbeatInterval = 60;

        await h.BootAsync();
        await h.AdvanceAsync(180);

        var statuses = h.CentralSystem.All<StatusNotificationRequest>().ToList();
        var beats = h.CentralSystem.Received.Where(r => r.Action == "Heartbeat").Select(r => (r.At - ChargePointHarness.Start).TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(h.CentralSystem.Actions.First(), Is.EqualTo("BootNotification"));
            Assert.That(statuses.Select(s => (s.ConnectorId, s.Status)), Is.EqualTo(new[] { (0, ChargePointStatus.Available), (1, ChargePointStatus.Available), (2, ChargePointStatus.Available) }));
            Assert.That(beats, Is.EqualTo(new[] { 60.0, 120.0, 180.0 }));
            Assert.That(h.ChargePoint.Configuration.Get(Keys.HeartbeatInterval), Is.EqualTo("60"));
        });
    }

    [Test]
    public async Task A_rejected_boot_is_retried_only_after_its_interval_and_nothing_else_is_sent()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.AnswerBoots((RegistrationStatus.Rejected, 20));

        await h.BootAsync();
        await h.AdvanceAsync(19);
        var beforeInterval = h.CentralSystem.Actions.ToList();
        await h.AdvanceAsync(1);

        var boots = h.CentralSystem.Received.Where(r => r.Action == "BootNotification").Select(r => (r.At - ChargePointHarness.Start).TotalSeconds);
        Assert.Multiple(() =>
        {
            Assert.That(beforeInterval, Is.EqualTo(new[] { "BootNotification" }));
            Assert.That(boots, Is.EqualTo(new[] { 0.0, 20.0 }));
            Assert.That(h.ChargePoint.Registration, Is.EqualTo(RegistrationStatus.Accepted));
            Assert.That(h.CentralSystem.Actions.Count(a => a == "StatusNotification"), Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_pending_charge_point_answers_the_central_system_and_boots_again_after_the_interval()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.AnswerBoots((RegistrationStatus.Pending, 10));
        await h.BootAsync();

        var all = await h.CallAsync(new GetConfigurationRequest());
        var change = await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.MeterValueSampleInterval, Value = "15" });
        await h.AdvanceAsync(10);

        Assert.Multiple(() =>
        {
            Assert.That(all.ConfigurationKey, Has.Count.GreaterThan(20));
            Assert.That(change.Status, Is.EqualTo(ConfigurationStatus.Accepted));
            Assert.That(h.CentralSystem.Actions.Count(a => a == "BootNotification"), Is.EqualTo(2));
            Assert.That(h.CentralSystem.Actions.Take(2), Is.EqualTo(new[] { "BootNotification", "BootNotification" }));
        });
    }

    [Test]
    public async Task Changing_the_heartbeat_interval_rearms_the_heartbeat()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        await h.CallAsync(new ChangeConfigurationRequest { Key = Keys.HeartbeatInterval, Value = "5" });
        await h.AdvanceAsync(10);

        Assert.That(h.CentralSystem.Actions.Count(a => a == "Heartbeat"), Is.EqualTo(2));
    }

    [Test]
    public async Task A_lost_connection_is_restored_with_back_off_without_a_new_boot()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        h.Connector.Reachable = false;
        h.ChargePoint.DropNetwork();
        h.ChargePoint.RestoreNetwork();
        await h.AdvanceAsync(1 + 2 + 4);
        var attemptsWhileDown = h.Connector.Connections;
        h.Connector.Reachable = true;
        await h.AdvanceAsync(8);

        Assert.Multiple(() =>
        {
            Assert.That(attemptsWhileDown, Is.EqualTo(1));
            Assert.That(h.ChargePoint.IsConnected, Is.True);
            Assert.That(h.Connector.Connections, Is.EqualTo(2));
            Assert.That(h.CentralSystem.Actions.Count(a => a == "BootNotification"), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task When_the_central_system_closes_the_connection_the_charge_point_reconnects_after_the_back_off()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        var lost = new TaskCompletionSource();
        var back = new TaskCompletionSource();
        using var watch = h.ChargePoint.Connectivity.Subscribe(up => (up ? back : lost).TrySetResult());

        h.CentralSystem.Endpoint!.Close();
        await lost.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await h.AdvanceAsync(1);
        await back.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await h.SettleAsync();

        Assert.That(h.Connector.Connections, Is.EqualTo(2));
        Assert.That(h.ChargePoint.IsConnected, Is.True);
    }
}
