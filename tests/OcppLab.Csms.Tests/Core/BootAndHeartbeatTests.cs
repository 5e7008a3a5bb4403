using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.Core;

public sealed class BootAndHeartbeatTests
{
    [Test]
    public async Task A_booting_station_is_accepted_with_the_configured_interval_and_the_Central_System_time()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:HeartbeatIntervalSeconds"] = "120" });
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");

        var boot = await cp.CallAsync(Requests.Boot());

        Assert.That(boot.Status, Is.EqualTo(RegistrationStatus.Accepted));
        Assert.That(boot.Interval, Is.EqualTo(120));
        Assert.That(boot.CurrentTime, Is.EqualTo(csms.Time.GetUtcNow()));
    }

    [Test]
    public async Task The_Central_System_agrees_to_the_ocpp16_subprotocol()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001", subprotocols: ["ocpp2.0.1", "ocpp1.6"]);

        Assert.That(cp.Subprotocol, Is.EqualTo("ocpp1.6"));
    }

    [TestCase("", TestName = "An_upgrade_that_offers_no_subprotocol_is_refused")]
    [TestCase("ocpp2.0.1,ocpp1.5", TestName = "An_upgrade_that_offers_only_other_subprotocols_is_refused")]
    public async Task Upgrades_without_ocpp16_are_refused(string offered)
    {
        await using var csms = new CsmsFactory();

        var refusal = Assert.ThrowsAsync<InvalidOperationException>(() => TestChargePoint.ConnectAsync(csms, "CP001", subprotocols: offered.Split(',', StringSplitOptions.RemoveEmptyEntries)));

        Assert.That(refusal!.Message, Does.Contain("400"));
    }

    [Test]
    public async Task An_unknown_station_is_rejected_when_registration_is_required_and_may_send_nothing_else()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:UnknownChargePoints"] = "Rejected",
            ["Csms:RetryBootIntervalSeconds"] = "45",
        });
        await using var cp = await TestChargePoint.ConnectAsync(csms, "STRANGER");

        var boot = await cp.CallAsync(Requests.Boot());
        var heartbeat = Assert.ThrowsAsync<OcppCallErrorException>(() => cp.CallAsync(new HeartbeatRequest()));

        Assert.That(boot.Status, Is.EqualTo(RegistrationStatus.Rejected));
        Assert.That(boot.Interval, Is.EqualTo(45));
        Assert.That(heartbeat!.Code, Is.EqualTo(OcppErrorCode.SecurityError));
    }

    [Test]
    public async Task A_known_station_gets_its_configured_status_while_unknown_ones_are_pending()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:UnknownChargePoints"] = "Pending",
            ["Csms:ChargePoints:0:Id"] = "KNOWN01",
            ["Csms:ChargePoints:0:Registration"] = "Accepted",
        });
        await using var known = await TestChargePoint.ConnectAsync(csms, "KNOWN01");
        await using var unknown = await TestChargePoint.ConnectAsync(csms, "UNKNOWN01");

        Assert.That((await known.CallAsync(Requests.Boot())).Status, Is.EqualTo(RegistrationStatus.Accepted));
        Assert.That((await unknown.CallAsync(Requests.Boot())).Status, Is.EqualTo(RegistrationStatus.Pending));
    }

    [Test]
    public async Task A_heartbeat_is_answered_with_the_current_time_and_noted_on_the_station()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await TestChargePoint.ConnectAsync(csms, "CP001");
        await cp.CallAsync(Requests.Boot());
        csms.Time.Advance(TimeSpan.FromMinutes(5));

        var heartbeat = await cp.CallAsync(new HeartbeatRequest());

        Assert.That(heartbeat.CurrentTime, Is.EqualTo(csms.Time.GetUtcNow()));
        var station = csms.Services.GetRequiredService<OcppLab.Csms.Stations.ChargePointRegistry>().Find("CP001");
        Assert.That(station!.LastHeartbeat, Is.EqualTo(csms.Time.GetUtcNow()));
    }

    [Test]
    public async Task A_second_connection_with_the_same_identity_replaces_the_first()
    {
        await using var csms = new CsmsFactory();
        await using var first = await TestChargePoint.ConnectAsync(csms, "CP001");
        await first.CallAsync(Requests.Boot());

        await using var second = await TestChargePoint.ConnectAsync(csms, "CP001");
        var end = await first.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        var heartbeat = await second.CallAsync(new HeartbeatRequest());

        // The Central System closes the old socket; the in-memory test server may abort it right after the close frame.
        Assert.That(end.Reason, Is.AnyOf(TransportEndReason.PeerClosed, TransportEndReason.Faulted));
        Assert.That(heartbeat.CurrentTime, Is.EqualTo(csms.Time.GetUtcNow()));
    }
}
