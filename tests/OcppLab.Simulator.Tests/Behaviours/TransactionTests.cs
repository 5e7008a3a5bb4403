using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class TransactionTests
{
    private static IEnumerable<(int ConnectorId, ChargePointStatus Status)> Statuses(ChargePointHarness h) =>
        h.CentralSystem.All<StatusNotificationRequest>().Select(s => (s.ConnectorId, s.Status));

    [Test]
    public async Task Plug_in_first_then_card_goes_preparing_authorize_start_charging()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.StartChargingAsync(1, "TAG1");

        var start = h.CentralSystem.All<StartTransactionRequest>().Single();
        Assert.Multiple(() =>
        {
            Assert.That(h.CentralSystem.Actions, Is.EqualTo(new[] { "StatusNotification", "Authorize", "StartTransaction", "StatusNotification" }));
            Assert.That(Statuses(h), Is.EqualTo(new[] { (1, ChargePointStatus.Preparing), (1, ChargePointStatus.Charging) }));
            Assert.That(start.IdTag, Is.EqualTo("TAG1"));
            Assert.That(start.MeterStart, Is.Zero);
            Assert.That(h.ChargePoint.TransactionOn(1)!.TransactionId, Is.EqualTo(101));
        });
    }

    [Test]
    public async Task The_same_card_again_stops_with_the_meter_reading_of_the_energy_delivered()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync();
        await h.AdvanceAsync(3600);

        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        var stop = h.CentralSystem.All<StopTransactionRequest>().Single();
        Assert.Multiple(() =>
        {
            // 32 A × 3 phases × 230 V for one hour.
            Assert.That(stop.MeterStop, Is.EqualTo(22080));
            Assert.That(stop.Reason, Is.EqualTo(Reason.Local), "every StopTransaction says its reason, Local included (a template may leave it out)");
            Assert.That(stop.TransactionId, Is.EqualTo(101));
            Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Finishing));
        });
    }

    [Test]
    public async Task An_invalid_card_starts_nothing()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.IdTags["BAD"] = new IdTagInfo { Status = AuthorizationStatus.Invalid };
        await h.BootAsync();

        h.ChargePoint.PlugIn(1);
        var status = await h.ChargePoint.PresentIdTagAsync(1, "BAD");
        await h.SettleAsync();

        Assert.That(status, Is.EqualTo(AuthorizationStatus.Invalid));
        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("StartTransaction"));
    }

    [Test]
    public async Task Identification_first_lapses_after_connection_timeout()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.ConnectionTimeOut, "30"));
        h.CentralSystem.Clear();

        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.AdvanceAsync(29);
        var before = h.ChargePoint.StatusOf(1);
        await h.AdvanceAsync(1);

        Assert.That(before, Is.EqualTo(ChargePointStatus.Preparing));
        Assert.That(Statuses(h), Is.EqualTo(new[] { (1, ChargePointStatus.Preparing), (1, ChargePointStatus.Available) }));
    }

    [Test]
    public async Task Ev_side_disconnect_stops_with_ev_disconnected_when_configured()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync();

        h.ChargePoint.UnplugEvSide(1);
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.EVDisconnected));
        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Finishing));
    }

    [Test]
    public async Task Ev_side_disconnect_suspends_the_transaction_when_stopping_is_off()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.StopTransactionOnEVSideDisconnect, "false"));
        await h.StartChargingAsync();

        h.ChargePoint.UnplugEvSide(1);
        await h.SettleAsync();

        var last = h.CentralSystem.All<StatusNotificationRequest>().Last();
        Assert.Multiple(() =>
        {
            Assert.That(h.CentralSystem.Actions, Does.Not.Contain("StopTransaction"));
            Assert.That(last.Status, Is.EqualTo(ChargePointStatus.SuspendedEV));
            Assert.That(last.Info, Is.EqualTo("EV side disconnected"));
        });
    }

    [Test]
    public async Task The_ev_suspending_and_a_fault_are_reported_as_status()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.StartChargingAsync();

        h.ChargePoint.SetEvSuspended(1, true);
        await h.SettleAsync();
        h.ChargePoint.Fault(2, ChargePointErrorCode.GroundFailure);
        await h.SettleAsync();

        var faulted = h.CentralSystem.All<StatusNotificationRequest>().Last();
        Assert.Multiple(() =>
        {
            Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.SuspendedEV));
            Assert.That((faulted.ConnectorId, faulted.Status, faulted.ErrorCode), Is.EqualTo((2, ChargePointStatus.Faulted, ChargePointErrorCode.GroundFailure)));
        });
    }

    [Test]
    public async Task A_faulted_connector_starts_no_transaction()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        h.ChargePoint.Fault(1);
        await h.StartChargingAsync();

        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("StartTransaction"));
    }

    [Test]
    public async Task A_half_plugged_cable_faults_with_connector_lock_failure()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();

        h.ChargePoint.PlugIn(1, lockFails: true);
        await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        var last = h.CentralSystem.All<StatusNotificationRequest>().Last();
        Assert.That((last.Status, last.ErrorCode), Is.EqualTo((ChargePointStatus.Faulted, ChargePointErrorCode.ConnectorLockFailure)));
        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("StartTransaction"));
    }

    [Test]
    public async Task Minimum_status_duration_hides_a_status_that_does_not_last()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.MinimumStatusDuration, "10"));
        h.CentralSystem.Clear();

        h.ChargePoint.PlugIn(1);
        await h.AdvanceAsync(5);
        h.ChargePoint.Unplug(1);
        await h.AdvanceAsync(20);
        h.ChargePoint.PlugIn(2);
        await h.AdvanceAsync(10);

        Assert.That(Statuses(h), Is.EqualTo(new[] { (2, ChargePointStatus.Preparing) }));
    }

    [Test]
    public async Task A_start_refused_by_the_central_system_is_stopped_as_deauthorized()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync((Keys.LocalPreAuthorize, "true"));
        h.ChargePoint.LocalList.Apply(UpdateType.Full, 1, [new AuthorizationData { IdTag = "GONE", IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }], 100);
        h.CentralSystem.IdTags["GONE"] = new IdTagInfo { Status = AuthorizationStatus.Invalid };

        await h.StartChargingAsync(1, "GONE");

        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(Reason.DeAuthorized));
    }

    [Test]
    public async Task A_refused_start_is_suspended_when_stop_on_invalid_id_is_off()
    {
        await using var h = new ChargePointHarness();
        await StartWithRefusedIdTagAsync(h);

        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.SuspendedEVSE));
        Assert.That(h.ChargePoint.PowerW(1), Is.Zero);
    }

    [Test]
    public async Task A_refused_start_delivers_max_energy_on_invalid_id_and_then_suspends()
    {
        await using var h = new ChargePointHarness();
        await StartWithRefusedIdTagAsync(h, (Keys.MaxEnergyOnInvalidId, "1000"));
        var power = h.ChargePoint.PowerW(1);
        var invalidatedAt = h.ChargePoint.EnergyRegisterWh(1);
        var allowance = TimeSpan.FromHours(1000 / power);
        await h.AdvanceAsync(allowance - TimeSpan.FromSeconds(10));

        Assert.That(power, Is.GreaterThan(0));
        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Charging));
        Assert.That(h.ChargePoint.PowerW(1), Is.EqualTo(power));

        await h.AdvanceAsync(20);

        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.SuspendedEVSE));
        Assert.That(h.ChargePoint.PowerW(1), Is.Zero);
        Assert.That(h.ChargePoint.EnergyRegisterWh(1) - invalidatedAt, Is.EqualTo(1000).Within(1));
        Assert.That(h.CentralSystem.All<StopTransactionRequest>(), Is.Empty);
    }

    [Test]
    public async Task The_energy_allowance_after_an_invalid_id_holds_across_a_pause_of_the_ev()
    {
        await using var h = new ChargePointHarness();
        await StartWithRefusedIdTagAsync(h, (Keys.MaxEnergyOnInvalidId, "500"));
        var invalidatedAt = h.ChargePoint.EnergyRegisterWh(1);
        var allowance = TimeSpan.FromHours(500 / h.ChargePoint.PowerW(1));
        await h.AdvanceAsync(allowance / 2);
        h.ChargePoint.SetEvSuspended(1, true);
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        h.ChargePoint.SetEvSuspended(1, false);
        await h.AdvanceAsync(allowance / 2 - TimeSpan.FromSeconds(5));

        Assert.That(h.ChargePoint.PowerW(1), Is.GreaterThan(0), "half the allowance is still left after the pause");

        await h.AdvanceAsync(20);

        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.SuspendedEVSE));
        Assert.That(h.ChargePoint.EnergyRegisterWh(1) - invalidatedAt, Is.EqualTo(500).Within(1));
    }

    /// <summary>
    /// Boots with StopTransactionOnInvalidId=false and <paramref name="configuration"/>, and starts charging on
    /// connector 1 with a card the local list accepts and the Central System then answers Invalid.
    /// </summary>
    private static async Task StartWithRefusedIdTagAsync(ChargePointHarness h, params (string Key, string Value)[] configuration)
    {
        await h.BootAsync([(Keys.LocalPreAuthorize, "true"), (Keys.StopTransactionOnInvalidId, "false"), .. configuration]);
        h.ChargePoint.LocalList.Apply(UpdateType.Full, 1, [new AuthorizationData { IdTag = "GONE", IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } }], 100);
        h.CentralSystem.IdTags["GONE"] = new IdTagInfo { Status = AuthorizationStatus.Invalid };
        await h.StartChargingAsync(1, "GONE");
    }
}
