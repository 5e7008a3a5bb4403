using OcppLab.Csms.IdTags;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.Reservations;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.OperatorApi;

/// <summary>Reservation (OCPP 1.6 §5.13, §5.2): reserve a connector or the whole station, cancel, list.</summary>
public static class ReservationEndpoints
{
    /// <summary>Maps the endpoints under <c>/charge-points/{id}/reservations</c>.</summary>
    public static RouteGroupBuilder MapReservations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}/reservations").WithTags("Reservation");
        group.MapGet("/", List).WithSummary("The station's reservations, newest first, with their state now (expired ones as Expired).").Produces<IReadOnlyList<ReservationView>>();
        group.MapPost("/", Reserve)
            .WithSummary("ReserveNow for a connector, or connector 0 for the whole station; parentIdTag defaults to the tag's group.")
            .WithDescription("The reservation is kept in the state the station answered: Accepted, Faulted, Occupied, Rejected or Unavailable.")
            .Produces<ReservationView>().CallsStation();
        group.MapDelete("/{reservationId:int}", Cancel)
            .WithSummary("CancelReservation of any reservationId, also one the Central System does not know (TC_052).")
            .Produces<CancelReservationResult>().CallsStation();
        return group;
    }

    private static IResult List(string id, IReservationStore reservations, TimeProvider time)
    {
        var now = time.GetUtcNow();
        return Results.Ok(reservations.OfStation(id).Select(r => ReservationView.From(r, now)).ToList());
    }

    internal static async Task<IResult> Reserve(
        string id, ReserveBody body, HttpContext http, StationCaller caller, IReservationStore reservations, IIdTagStore idTags, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (body.ConnectorId < 0)
        {
            return Problems.BadValue("connectorId", body.ConnectorId, "connectorId is 0 (any connector of the Charge Point) or a connector id (OCPP 1.6 §6.43).");
        }

        var expiry = body.ExpiryDate ?? (body.ExpiresInSeconds is { } seconds ? now.AddSeconds(seconds) : null);
        if (expiry is null)
        {
            return Problems.BadValue("expiryDate", null, "Give expiryDate or expiresInSeconds: a reservation ends at its expiryDate (OCPP 1.6 §6.43).");
        }

        if (expiry <= now)
        {
            return Problems.BadValue(body.ExpiryDate is null ? "expiresInSeconds" : "expiryDate", body.ExpiryDate?.ToString("O") ?? body.ExpiresInSeconds?.ToString(System.Globalization.CultureInfo.InvariantCulture), "The expiryDate must lie in the future.");
        }

        // TC_053: the Central System fills parentIdTag from its own data, so a tag of the same group may use the reservation.
        var parent = body.ParentIdTag ?? idTags.Find(body.IdTag)?.ParentIdTag;
        var reservationId = body.ReservationId ?? reservations.NextReservationId();
        var request = new ReserveNowRequest
        {
            ConnectorId = body.ConnectorId,
            ExpiryDate = expiry.Value,
            IdTag = body.IdTag,
            ParentIdTag = parent,
            ReservationId = reservationId,
        };
        var record = new ReservationRecord(reservationId, id, body.ConnectorId, body.IdTag, parent, expiry.Value, ReservationState.Requested, now, now);
        var answer = await caller.SendAsync(id, request, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            if (problem is not IStatusCodeHttpResult { StatusCode: StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound or StatusCodes.Status409Conflict })
            {
                reservations.Save(record with { State = ReservationState.Failed, UpdatedAt = time.GetUtcNow() });
            }

            return problem;
        }

        record = record with { State = ReservationRecord.From(answer.Response!.Status), UpdatedAt = time.GetUtcNow() };
        reservations.Save(record);
        return Results.Ok(ReservationView.From(record, time.GetUtcNow(), answer.Response.Status));
    }

    internal static async Task<IResult> Cancel(
        string id, int reservationId, HttpContext http, StationCaller caller, IReservationStore reservations, TimeProvider time, CancellationToken cancellationToken)
    {
        var answer = await caller.SendAsync(id, new CancelReservationRequest { ReservationId = reservationId }, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        var known = reservations.Find(reservationId) is { } r && r.ChargePointId == id ? r : null;
        if (answer.Response!.Status == CancelReservationStatus.Accepted && known is not null)
        {
            known = known with { State = ReservationState.Cancelled, UpdatedAt = time.GetUtcNow() };
            reservations.Save(known);
        }

        return Results.Ok(new CancelReservationResult(answer.Response.Status, known is null ? null : ReservationView.From(known, time.GetUtcNow())));
    }
}

/// <summary>What the operator asks to reserve.</summary>
public sealed record ReserveBody
{
    /// <summary>The connector, or 0 for any connector of the station.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The tag the reservation is for.</summary>
    public required string IdTag { get; init; }

    /// <summary>When it ends; or give <see cref="ExpiresInSeconds"/>.</summary>
    public DateTimeOffset? ExpiryDate { get; init; }

    /// <summary>How long from now it lasts.</summary>
    public int? ExpiresInSeconds { get; init; }

    /// <summary>The group; defaults to the tag's parentIdTag in the Central System's id tags.</summary>
    public string? ParentIdTag { get; init; }

    /// <summary>The id; defaults to the next unused one. A known id replaces that reservation.</summary>
    public int? ReservationId { get; init; }
}

/// <summary>A reservation as the operator sees it.</summary>
/// <param name="ReservationId">Its id.</param>
/// <param name="ChargePointId">The station.</param>
/// <param name="ConnectorId">The connector (0: any).</param>
/// <param name="IdTag">The tag.</param>
/// <param name="ParentIdTag">The tag's group.</param>
/// <param name="ExpiryDate">When it ends.</param>
/// <param name="State">Its state now.</param>
/// <param name="Answer">The station's ReserveNow answer, on the reply to a reservation request.</param>
/// <param name="TransactionId">The transaction that used it.</param>
/// <param name="CreatedAt">When it was requested.</param>
/// <param name="UpdatedAt">When its state last changed.</param>
public sealed record ReservationView(
    int ReservationId,
    string ChargePointId,
    int ConnectorId,
    string IdTag,
    string? ParentIdTag,
    DateTimeOffset ExpiryDate,
    ReservationState State,
    ReservationStatus? Answer,
    int? TransactionId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Projects a record as it stands at <paramref name="now"/>.</summary>
    public static ReservationView From(ReservationRecord r, DateTimeOffset now, ReservationStatus? answer = null) => new(
        r.ReservationId, r.ChargePointId, r.ConnectorId, r.IdTag, r.ParentIdTag, r.ExpiryDate, r.StateAt(now), answer, r.TransactionId, r.CreatedAt, r.UpdatedAt);
}

/// <summary>The station's answer to CancelReservation, and the reservation when the Central System knows it.</summary>
/// <param name="Status">Accepted or Rejected.</param>
/// <param name="Reservation">The reservation after the answer.</param>
public sealed record CancelReservationResult(CancelReservationStatus Status, ReservationView? Reservation);
