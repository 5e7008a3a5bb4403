using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;

namespace OcppLab.Csms.OperatorApi;

/// <summary>Smart Charging (OCPP 1.6 §3.13, §5.5, §5.7, §5.16): profiles set, cleared and composed, mirrored in the Central System.</summary>
public static class SmartChargingEndpoints
{
    /// <summary>Maps the endpoints under <c>/charge-points/{id}</c>.</summary>
    public static RouteGroupBuilder MapSmartCharging(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}").WithTags("Smart charging");
        group.MapGet("/charging-profiles", List).WithSummary("The profiles the station accepted, as the Central System mirrors them.").Produces<IReadOnlyList<StoredProfile>>();
        group.MapPost("/charging-profiles", Set)
            .WithSummary("SetChargingProfile, checked first; an Accepted profile is stored per station, connector and transaction.")
            .WithDescription("The body is SetChargingProfile.req. A profile that breaks a rule (TxProfile without a running transaction, ChargePointMaxProfile off connector 0, first period not at 0, ...) is a 400 naming the rule.")
            .Produces<SetChargingProfileResponse>().CallsStation();
        group.MapPost("/charging-profiles/clear", Clear)
            .WithSummary("ClearChargingProfile by id, by criteria (connectorId, purpose, stackLevel) or all (empty body); mirrored when Accepted.")
            .Produces<ClearChargingProfileResult>().CallsStation();
        group.MapDelete("/charging-profiles/{chargingProfileId:int}", ClearById).WithSummary("ClearChargingProfile of one id.").Produces<ClearChargingProfileResult>().CallsStation();
        group.MapPost("/composite-schedule", Compare)
            .WithSummary("GetCompositeSchedule from the station, side by side with the Central System's own computation.")
            .Produces<CompositeComparison>().CallsStation();
        group.MapGet("/composite-schedule", Compute)
            .WithSummary("The Central System's own composite schedule of a connector from its stored profiles (no call to the station).")
            .Produces<CompositeSchedule>();
        return group;
    }

    private static IResult List(string id, IChargingProfileStore profiles) => Results.Ok(profiles.OfStation(id));

    internal static async Task<IResult> Set(
        string id, SetChargingProfileRequest body, HttpContext http, StationCaller caller, IChargingProfileStore profiles, ITransactionStore transactions, ChargePointRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var running = RunningOn(transactions, id, body.ConnectorId);
        var breach = ChargingProfileRules.Check(body.ConnectorId, body.CsChargingProfiles, "csChargingProfiles", running?.TransactionId, forRemoteStart: false, StationChargingLimits.Of(registry.Find(id)));
        if (breach is not null)
        {
            return Problems.BadValue(breach.Field, breach.Value, breach.Rule);
        }

        var answer = await caller.SendAsync(id, body, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        // An Accepted profile is stored by the SetChargingProfile answer route (ChargingProfileAnswers), as one sent
        // through the generic relay is.
        return Results.Ok(answer.Response);
    }

    internal static async Task<IResult> Clear(string id, ClearChargingProfileRequest? criteria, HttpContext http, StationCaller caller, IChargingProfileStore profiles, CancellationToken cancellationToken)
    {
        // An empty body clears every profile (OCPP 1.6 §5.5: no criteria given).
        var body = criteria ?? new ClearChargingProfileRequest();
        if (body.ConnectorId < 0)
        {
            return Problems.BadValue("connectorId", body.ConnectorId, "connectorId is 0 (the whole Charge Point) or a connector id (OCPP 1.6 §6.9).");
        }

        // The ClearChargingProfile answer route (ChargingProfileAnswers) mirrors an Accepted clear before the answer comes back here.
        var before = profiles.OfStation(id).Count;
        var answer = await caller.SendAsync(id, body, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        return Results.Ok(new ClearChargingProfileResult(answer.Response!.Status, before - profiles.OfStation(id).Count));
    }

    private static Task<IResult> ClearById(string id, int chargingProfileId, HttpContext http, StationCaller caller, IChargingProfileStore profiles, CancellationToken cancellationToken) =>
        Clear(id, new ClearChargingProfileRequest { Id = chargingProfileId }, http, caller, profiles, cancellationToken);

    internal static async Task<IResult> Compare(
        string id, GetCompositeScheduleRequest body, HttpContext http, StationCaller caller, IChargingProfileStore profiles, ITransactionStore transactions, CompositeScheduleCalculator calculator, TimeProvider time, CancellationToken cancellationToken)
    {
        if (CheckComposite(body.ConnectorId, body.Duration) is { } bad)
        {
            return bad;
        }

        var start = time.GetUtcNow();
        var answer = await caller.SendAsync(id, body, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        var ours = Composite(id, body.ConnectorId, body.Duration, body.ChargingRateUnit ?? answer.Response!.ChargingSchedule?.ChargingRateUnit, profiles, transactions, calculator, start);
        return Results.Ok(new CompositeComparison(answer.Response!, ours));
    }

    private static IResult Compute(
        string id, int connectorId, int duration, ChargingRateUnitType? chargingRateUnit, IChargingProfileStore profiles, ITransactionStore transactions, CompositeScheduleCalculator calculator, TimeProvider time) =>
        CheckComposite(connectorId, duration) ?? Results.Ok(Composite(id, connectorId, duration, chargingRateUnit, profiles, transactions, calculator, time.GetUtcNow()));

    private static IResult? CheckComposite(int connectorId, int duration) =>
        connectorId < 0 ? Problems.BadValue("connectorId", connectorId, "connectorId is 0 (the whole Charge Point) or a connector id (OCPP 1.6 §6.21).")
        : duration is <= 0 or > 31 * 86_400 ? Problems.BadValue("duration", duration, "duration is a positive number of seconds, at most 31 days.")
        : null;

    private static CompositeSchedule Composite(
        string id, int connectorId, int duration, ChargingRateUnitType? unit, IChargingProfileStore profiles, ITransactionStore transactions, CompositeScheduleCalculator calculator, DateTimeOffset start)
    {
        var running = RunningOn(transactions, id, connectorId);
        return calculator.Compute(
            profiles.OfStation(id).Select(p => new InstalledChargingProfile(p.ConnectorId, p.Profile)),
            new() { ConnectorId = connectorId, Start = start, Duration = duration, Unit = unit ?? ChargingRateUnitType.A, Transaction = running is null ? null : (running.TransactionId, running.StartTimestamp) });
    }

    internal static TransactionRecord? RunningOn(ITransactionStore transactions, string id, int connectorId) =>
        connectorId == 0 ? null : transactions.Active().FirstOrDefault(t => t.ChargePointId == id && t.ConnectorId == connectorId);
}

/// <summary>The station's answer to ClearChargingProfile and how many mirrored profiles went with it.</summary>
/// <param name="Status">Accepted or Unknown.</param>
/// <param name="Removed">Profiles removed from the Central System's mirror.</param>
public sealed record ClearChargingProfileResult(ClearChargingProfileStatus Status, int Removed);

/// <summary>The station's composite schedule next to the Central System's.</summary>
/// <param name="Station">GetCompositeSchedule.conf as the station sent it.</param>
/// <param name="Computed">The Central System's computation over the same connector, start and duration.</param>
public sealed record CompositeComparison(GetCompositeScheduleResponse Station, CompositeSchedule Computed);
