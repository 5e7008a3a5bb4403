using System.Net;
using System.Text.Json;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>Reservation (OCPP 1.6 §5.13, §5.2; TC_046 to TC_053) through the operator API.</summary>
public sealed class ReservationTests
{
    [TestCase(ReservationStatus.Accepted, "Accepted")]
    [TestCase(ReservationStatus.Faulted, "Faulted")]
    [TestCase(ReservationStatus.Occupied, "Occupied")]
    [TestCase(ReservationStatus.Rejected, "Rejected")]
    [TestCase(ReservationStatus.Unavailable, "Unavailable")]
    public async Task The_reservation_is_kept_in_the_state_the_station_answered(ReservationStatus answer, string state)
    {
        var script = new StationScript().On<ReserveNowRequest, ReserveNowResponse>(_ => new() { Status = answer });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, body) = await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":1,"idTag":"VALID001","expiresInSeconds":600}""");
        var (_, list) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), body.ToString());
        Assert.That(body.GetProperty("answer").GetString(), Is.EqualTo(answer.ToString()));
        Assert.That(list[0].GetProperty("state").GetString(), Is.EqualTo(state));
    }

    [Test]
    public async Task ReserveNow_carries_the_tags_group_as_parentIdTag_and_an_expiry_on_the_Central_Systems_clock()
    {
        ReserveNowRequest? sent = null;
        var script = new StationScript().On<ReserveNowRequest, ReserveNowResponse>(r =>
        {
            sent = r;
            return new() { Status = ReservationStatus.Accepted };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":0,"idTag":"MEMBER001","expiresInSeconds":900}""");

        Assert.That(sent!.ConnectorId, Is.Zero);
        Assert.That(sent.ParentIdTag, Is.EqualTo("GROUP001"));
        Assert.That(sent.ExpiryDate, Is.EqualTo(csms.Time.GetUtcNow().AddSeconds(900)));
        Assert.That(sent.ReservationId, Is.GreaterThan(0));
    }

    [Test]
    public async Task A_StartTransaction_with_the_reservationId_uses_the_reservation()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (_, reservation) = await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":1,"idTag":"VALID001","expiresInSeconds":600}""");
        var reservationId = reservation.GetProperty("reservationId").GetInt32();
        var started = await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow(), reservationId: reservationId));
        var (_, list) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");

        Assert.That(list[0].GetProperty("state").GetString(), Is.EqualTo("Used"));
        Assert.That(list[0].GetProperty("transactionId").GetInt32(), Is.EqualTo(started.TransactionId));
    }

    [Test]
    public async Task A_tag_of_the_same_group_uses_the_reservation_and_is_Accepted_with_the_groups_parentIdTag()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":2,"idTag":"MEMBER001","expiresInSeconds":600}""");
        var authorized = await cp.CallAsync(new OcppLab.Protocol.Messages.Core.AuthorizeRequest { IdTag = "MEMBER002" });
        await cp.CallAsync(Requests.Start(2, "MEMBER002", csms.Time.GetUtcNow()));
        var (_, list) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");

        Assert.That(authorized.IdTagInfo.Status, Is.EqualTo(AuthorizationStatus.Accepted));
        Assert.That(authorized.IdTagInfo.ParentIdTag, Is.EqualTo("GROUP001"));
        Assert.That(list[0].GetProperty("state").GetString(), Is.EqualTo("Used"));
    }

    [Test]
    public async Task A_tag_of_another_group_leaves_the_reservation_alone()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":1,"idTag":"MEMBER001","expiresInSeconds":600}""");
        await cp.CallAsync(Requests.Start(1, "VALID002", csms.Time.GetUtcNow()));
        var (_, list) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");

        Assert.That(list[0].GetProperty("state").GetString(), Is.EqualTo("Accepted"));
    }

    [Test]
    public async Task An_unused_reservation_expires_on_the_Central_Systems_clock_and_cannot_be_used_after()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (_, reservation) = await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":1,"idTag":"VALID001","expiresInSeconds":60}""");
        var (_, before) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");
        csms.Time.Advance(TimeSpan.FromSeconds(60));
        await cp.CallAsync(Requests.Start(1, "VALID001", csms.Time.GetUtcNow(), reservationId: reservation.GetProperty("reservationId").GetInt32()));
        var (_, after) = await Api.GetAsync(http, "/api/charge-points/CP001/reservations");

        Assert.That(before[0].GetProperty("state").GetString(), Is.EqualTo("Accepted"));
        Assert.That(after[0].GetProperty("state").GetString(), Is.EqualTo("Expired"));
    }

    [Test]
    public async Task Cancel_Accepted_cancels_the_reservation()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (_, reservation) = await Api.PostAsync(http, "/api/charge-points/CP001/reservations", """{"connectorId":1,"idTag":"VALID001","expiresInSeconds":600}""");
        var (status, cancel) = await Api.DeleteAsync(http, $"/api/charge-points/CP001/reservations/{reservation.GetProperty("reservationId").GetInt32()}");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(cancel.GetProperty("status").GetString(), Is.EqualTo("Accepted"));
        Assert.That(cancel.GetProperty("reservation").GetProperty("state").GetString(), Is.EqualTo("Cancelled"));
    }

    [Test]
    public async Task Cancel_of_an_unknown_reservationId_is_sent_and_Rejected_comes_back()
    {
        CancelReservationRequest? sent = null;
        var script = new StationScript().On<CancelReservationRequest, CancelReservationResponse>(r =>
        {
            sent = r;
            return new() { Status = CancelReservationStatus.Rejected };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, cancel) = await Api.DeleteAsync(http, "/api/charge-points/CP001/reservations/987654");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(cancel.GetProperty("status").GetString(), Is.EqualTo("Rejected"));
        Assert.That(cancel.TryGetProperty("reservation", out _), Is.False);
        Assert.That(sent!.ReservationId, Is.EqualTo(987654));
    }

    [TestCase("""{"connectorId":-1,"idTag":"VALID001","expiresInSeconds":60}""", "connectorId")]
    [TestCase("""{"connectorId":1,"idTag":"VALID001"}""", "expiryDate")]
    [TestCase("""{"connectorId":1,"idTag":"VALID001","expiresInSeconds":-5}""", "expiresInSeconds")]
    [TestCase("""{"connectorId":1,"idTag":"VALID001","expiryDate":"2020-01-01T00:00:00Z"}""", "expiryDate")]
    [TestCase("""{"idTag":"VALID001","expiresInSeconds":60}""", "connectorId")]
    public async Task A_bad_reservation_is_a_400_that_names_the_value(string json, string named)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/reservations", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest), problem.ToString());
        Assert.That(Api.Detail(problem), Does.Contain(named));
        Assert.That(cp.Received, Is.Empty);
    }

}
