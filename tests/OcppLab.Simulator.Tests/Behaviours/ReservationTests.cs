using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class ReservationTests
{
    private static ReserveNowRequest Reserve(ChargePointHarness h, int connectorId, int seconds = 600, string idTag = "TAG1", string? parent = null, int id = 7) =>
        new() { ConnectorId = connectorId, ExpiryDate = h.Now.AddSeconds(seconds), IdTag = idTag, ParentIdTag = parent, ReservationId = id };

    [Test]
    public async Task A_reservation_shows_reserved_and_expires_at_its_expiry_date()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(Reserve(h, 1, seconds: 30));
        await h.AdvanceAsync(29);
        var before = h.ChargePoint.StatusOf(1);
        await h.AdvanceAsync(1);

        var statuses = h.CentralSystem.All<StatusNotificationRequest>().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(ReservationStatus.Accepted));
            Assert.That(before, Is.EqualTo(ChargePointStatus.Reserved));
            Assert.That(statuses.Select(s => s.Status), Is.EqualTo(new[] { ChargePointStatus.Reserved, ChargePointStatus.Available }));
            Assert.That((statuses[1].Timestamp!.Value - ChargePointHarness.Start).TotalSeconds, Is.EqualTo(30));
        });
    }

    [Test]
    public async Task Only_the_reserved_tag_may_use_the_connector_and_the_start_carries_the_reservation_id()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(Reserve(h, 1));

        h.ChargePoint.PlugIn(1);
        var other = await h.ChargePoint.PresentIdTagAsync(1, "OTHER");
        var own = await h.ChargePoint.PresentIdTagAsync(1, "TAG1");
        await h.SettleAsync();

        Assert.That(other, Is.EqualTo(AuthorizationStatus.Blocked));
        Assert.That(own, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(h.CentralSystem.All<StartTransactionRequest>().Single().ReservationId, Is.EqualTo(7));
        Assert.That(h.ChargePoint.ReservationOn(1), Is.Null);
    }

    [Test]
    public async Task A_remote_start_on_a_reserved_connector_with_the_cable_in_goes_through_preparing()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(Reserve(h, 1));
        h.ChargePoint.PlugIn(1);
        await h.SettleAsync();
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "TAG1" });

        var statuses = h.CentralSystem.All<StatusNotificationRequest>().Where(s => s.ConnectorId == 1).Select(s => s.Status);
        Assert.Multiple(() =>
        {
            Assert.That(answer.Status, Is.EqualTo(RemoteStartStopStatus.Accepted));
            Assert.That(statuses, Is.EqualTo(new[] { ChargePointStatus.Preparing, ChargePointStatus.Charging }));
            Assert.That(h.CentralSystem.All<StartTransactionRequest>().Single().ReservationId, Is.EqualTo(7));
        });
    }

    [Test]
    public async Task A_tag_of_the_reservations_group_may_use_it()
    {
        await using var h = new ChargePointHarness();
        h.CentralSystem.IdTags["TAG2"] = new IdTagInfo { Status = AuthorizationStatus.Accepted, ParentIdTag = "FLEET" };
        await h.BootAsync();
        await h.CallAsync(Reserve(h, 1, parent: "FLEET"));

        await h.StartChargingAsync(1, "TAG2");

        Assert.That(h.CentralSystem.All<StartTransactionRequest>().Single().ReservationId, Is.EqualTo(7));
    }

    [Test]
    public async Task Reserving_refuses_a_faulted_an_occupied_and_an_unavailable_connector()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.ChargePoint.Fault(1);
        var faulted = await h.CallAsync(Reserve(h, 1, id: 1));
        h.ChargePoint.ClearFault(1);
        h.ChargePoint.PlugIn(1);
        var occupied = await h.CallAsync(Reserve(h, 1, id: 2));
        await h.CallAsync(new ChangeAvailabilityRequest { ConnectorId = 2, Type = AvailabilityType.Inoperative });
        var unavailable = await h.CallAsync(Reserve(h, 2, id: 3));

        Assert.That(new[] { faulted.Status, occupied.Status, unavailable.Status },
            Is.EqualTo(new[] { ReservationStatus.Faulted, ReservationStatus.Occupied, ReservationStatus.Unavailable }));
    }

    [Test]
    public async Task Without_the_reservation_profile_reserve_now_is_rejected()
    {
        await using var h = new ChargePointHarness(new ChargePointTemplate { FeatureProfiles = ["Core"] });
        await h.BootAsync();

        var answer = await h.CallAsync(Reserve(h, 1));

        Assert.That(answer.Status, Is.EqualTo(ReservationStatus.Rejected));
    }

    [Test]
    public async Task Reserving_connector_zero_reserves_a_free_connector()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        h.ChargePoint.PlugIn(1);

        var answer = await h.CallAsync(Reserve(h, 0));

        Assert.That(answer.Status, Is.EqualTo(ReservationStatus.Accepted));
        Assert.That(h.ChargePoint.StatusOf(2), Is.EqualTo(ChargePointStatus.Reserved));
    }

    [Test]
    public async Task Cancel_reservation_frees_the_connector_and_an_unknown_id_is_rejected()
    {
        await using var h = new ChargePointHarness();
        await h.BootAsync();
        await h.CallAsync(Reserve(h, 1));

        var unknown = await h.CallAsync(new CancelReservationRequest { ReservationId = 8 });
        var known = await h.CallAsync(new CancelReservationRequest { ReservationId = 7 });

        Assert.That(unknown.Status, Is.EqualTo(CancelReservationStatus.Rejected));
        Assert.That(known.Status, Is.EqualTo(CancelReservationStatus.Accepted));
        Assert.That(h.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Available));
    }
}
