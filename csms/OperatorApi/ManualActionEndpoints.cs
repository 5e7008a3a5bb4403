using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Firmware;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.Reservations;
using OcppLab.Csms.Security;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// The manual-action contract (tests/OcppLab.Conformance/operator-contract.openapi.yaml): one endpoint per
/// action an OCTT test case asks the tester to make the Central System do, taking only what the case
/// gives. Each runs the typed endpoint's own logic (id tags, list versions, reservation ids, profile rules
/// are the Central System's), and answers with the station's .conf payload plus what the Central System
/// chose (a reservationId, a listVersion).
/// </summary>
public static class ManualActionEndpoints
{
    /// <summary>Where the contract lives, below <c>/api</c>.</summary>
    public const string Prefix = "/charge-points/{id}/manual";

    /// <summary>Maps the contract's endpoints.</summary>
    public static RouteGroupBuilder MapManualActions(this RouteGroupBuilder api)
    {
        var group = api.MapGroup(Prefix).WithTags("Manual actions (OCTT)");

        // Core (OCPP 1.6 §5): the typed endpoints already take exactly the case's parameters.
        group.MapPost("/remote-start", RemoteStart).WithSummary("Remote start on a connector (or any) for an id tag, optionally with a TxProfile; answers at once with the station's status.").Produces<RemoteStartResult>().CallsStation();
        group.MapPost("/remote-stop", CoreOperationEndpoints.RemoteStop).WithSummary("Remote stop of a transaction.").Produces<RemoteStopTransactionResponse>().CallsStation();
        group.MapPost("/reset", CoreOperationEndpoints.Reset).WithSummary("Reset Hard or Soft.").Produces<ResetResponse>().CallsStation();
        group.MapPost("/unlock-connector", CoreOperationEndpoints.Unlock).WithSummary("Unlock a connector.").Produces<UnlockConnectorResponse>().CallsStation();
        group.MapPost("/change-availability", CoreOperationEndpoints.ChangeAvailability).WithSummary("Make the station (connector 0) or a connector Operative or Inoperative.").Produces<ChangeAvailabilityResponse>().CallsStation();
        group.MapPost("/get-configuration", CoreOperationEndpoints.GetConfiguration).WithSummary("Read every configuration key, or the keys listed.").Produces<GetConfigurationResponse>().CallsStation();
        group.MapPost("/change-configuration", CoreOperationEndpoints.ChangeConfiguration).WithSummary("Set a configuration key to a value, as typed.").Produces<ChangeConfigurationResponse>().CallsStation();
        group.MapPost("/clear-cache", CoreOperationEndpoints.ClearCache).WithSummary("Clear the station's authorization cache.").Produces<ClearCacheResponse>().CallsStation();
        group.MapPost("/data-transfer", CoreOperationEndpoints.DataTransfer).WithSummary("Send vendor data.").Produces<DataTransferResponse>().CallsStation();

        // Local list (§5.10, §5.15): the Central System picks the version and fills each idTagInfo.
        group.MapPost("/get-local-list-version", LocalListEndpoints.GetVersion).WithSummary("Ask the station for its local list version; the Central System keeps the answer.").Produces<GetLocalListVersionResponse>().CallsStation();
        group.MapPost("/send-local-list", SendLocalList)
            .WithSummary("Send the local list, Full or Differential; version and every idTagInfo come from the Central System.")
            .Produces<SendLocalListReply>().CallsStation();

        // Reservation (§5.13, §5.2): the Central System picks the reservationId and fills parentIdTag.
        group.MapPost("/reserve-now", ReserveNow)
            .WithSummary("Reserve a connector (0: any) for an id tag until an expiry date; answers the station's status and the reservationId chosen.")
            .Produces<ReserveNowReply>().CallsStation();
        group.MapPost("/cancel-reservation", CancelReservation).WithSummary("Cancel a reservation by id, also one the Central System does not know.").Produces<CancelReservationResult>().CallsStation();

        // Remote trigger (§5.17), smart charging (§5.5, §5.7, §5.16), firmware (§5.9, §5.19).
        group.MapPost("/trigger-message", RemoteTriggerEndpoints.Trigger).WithSummary("Ask the station to send a message now.").Produces<TriggerMessageResponse>().CallsStation();
        group.MapPost("/set-charging-profile", SetChargingProfile)
            .WithSummary("Set a TxDefaultProfile, TxProfile or ChargePointMaxProfile with limit L in unit U on a connector; the Central System builds the profile and answers the station's status and the profile id chosen.")
            .Produces<SetChargingProfileReply>().CallsStation();
        group.MapPost("/clear-charging-profile", SmartChargingEndpoints.Clear).WithSummary("Clear profiles by id, by criteria, or all (no criteria).").Produces<ClearChargingProfileResult>().CallsStation();
        group.MapPost("/get-composite-schedule", CompositeSchedule)
            .WithSummary("Get the composite schedule of a connector for a duration, in the unit asked for.")
            .Produces<GetCompositeScheduleResponse>().CallsStation();
        group.MapPost("/update-firmware", UpdateFirmware).WithSummary("Update firmware from a location.").Produces<FirmwareJob>().CallsStation();
        group.MapPost("/get-diagnostics", GetDiagnostics).WithSummary("Get diagnostics, uploaded to a location.").Produces<DiagnosticsJob>().CallsStation();

        // Security Whitepaper ed. 3 (§4.2, §5, §6).
        group.MapPost("/install-certificate", InstallCertificate).WithSummary("Install a root certificate of a type.").Produces<InstallCertificateResponse>().CallsStation();
        group.MapPost("/get-installed-certificate-ids", GetInstalledCertificateIds).WithSummary("List the installed certificates of a type.").Produces<GetInstalledCertificateIdsResponse>().CallsStation();
        group.MapPost("/delete-certificate", DeleteCertificate).WithSummary("Delete the certificate with this hash data.").Produces<DeleteCertificateResponse>().CallsStation();
        group.MapPost("/extended-trigger-message", ExtendedTriggerMessage).WithSummary("Ask the station to send a message now (security extension).").Produces<ExtendedTriggerMessageResponse>().CallsStation();
        group.MapPost("/signed-update-firmware", SignedUpdateFirmware).WithSummary("Update firmware from a location, signed.").Produces<SignedUpdateFirmwareResponse>().CallsStation();
        group.MapPost("/get-log", GetLog).WithSummary("Get the security or diagnostics log, uploaded to a location.").CallsStation();
        return group;
    }

    private static Task<IResult> RemoteStart(
        string id, RemoteStartTransactionRequest body, HttpContext http, StationCaller caller, RemoteStartWaiters waiters, RemoteStartProfiles profiles, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        // The case goes on with the station's own StartTransaction; the answer to the request is all the tester sees.
        CoreOperationEndpoints.RemoteStart(id, body, 0, http, caller, waiters, profiles, options, time, cancellationToken);

    private static async Task<IResult> SendLocalList(
        string id,
        LocalListOrder body,
        HttpContext http,
        StationCaller caller,
        ConfigurationReader configuration,
        ChargePointRegistry registry,
        ILocalListStore lists,
        IIdTagStore idTags,
        IdTagAuthorizer authorizer,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // The typed endpoint takes the list the station should end up with; a Differential order names the
        // tags to add or update (OCTT TC_043_5), so the entries the station already holds stay in it. The named
        // tags are sent even when the mirror says the station has them: the tester asked for them, and a station
        // that reports another version than the one it accepted (§5.10) may not hold what the mirror says.
        IReadOnlyList<string>? wanted = body.IdTags;
        if (body.UpdateType == UpdateType.Differential && body.IdTags is { } added)
        {
            wanted = [.. lists.Get(id).Entries.Keys.Concat(added)];
            lists.Update(id, s => s with { Entries = s.Entries.RemoveRange(added) });
        }

        var result = await LocalListEndpoints.Send(
            id, new LocalListBody { UpdateType = body.UpdateType, IdTags = wanted }, http, caller, configuration, registry, lists, idTags, authorizer, time, cancellationToken);
        if (Value<LocalListSendResult>(result) is not { } sent)
        {
            return result;
        }

        // Several messages when the list is longer than SendLocalListMaxLength: the last answer decides.
        return sent.Updates.Count == 0
            ? Problems.Create(StatusCodes.Status409Conflict, "nothing-to-send", "Nothing to send", $"The {body.UpdateType} update of '{id}' holds no change.")
            : Results.Ok(new SendLocalListReply(sent.Updates[^1].Status, sent.Updates[0].ListVersion));
    }

    private static async Task<IResult> ReserveNow(
        string id, ReservationOrder body, HttpContext http, StationCaller caller, IReservationStore reservations, IIdTagStore idTags, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await ReservationEndpoints.Reserve(
            id, new ReserveBody { ConnectorId = body.ConnectorId, IdTag = body.IdTag, ExpiryDate = body.ExpiryDate }, http, caller, reservations, idTags, time, cancellationToken);
        return Value<ReservationView>(result) is { Answer: { } answer } view ? Results.Ok(new ReserveNowReply(answer, view.ReservationId)) : result;
    }

    private static Task<IResult> CancelReservation(
        string id, CancelReservationRequest body, HttpContext http, StationCaller caller, IReservationStore reservations, TimeProvider time, CancellationToken cancellationToken) =>
        ReservationEndpoints.Cancel(id, body.ReservationId, http, caller, reservations, time, cancellationToken);

    private static async Task<IResult> SetChargingProfile(
        string id, ChargingProfileOrder body, HttpContext http, StationCaller caller, IChargingProfileStore profiles, ITransactionStore transactions, ChargePointRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var running = SmartChargingEndpoints.RunningOn(transactions, id, body.ConnectorId)?.TransactionId;
        var request = body.ToRequest(running, profiles.OfStation(id), StationChargingLimits.Of(registry.Find(id)), time.GetUtcNow());
        var result = await SmartChargingEndpoints.Set(id, request, http, caller, profiles, transactions, registry, time, cancellationToken);
        var profile = request.CsChargingProfiles;
        return Value<SetChargingProfileResponse>(result) is { } answer ? Results.Ok(new SetChargingProfileReply(answer.Status, profile.ChargingProfileId, profile.TransactionId)) : result;
    }

    private static async Task<IResult> CompositeSchedule(
        string id, GetCompositeScheduleRequest body, HttpContext http, StationCaller caller, IChargingProfileStore profiles, ITransactionStore transactions, CompositeScheduleCalculator calculator, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await SmartChargingEndpoints.Compare(id, body, http, caller, profiles, transactions, calculator, time, cancellationToken);
        return Value<CompositeComparison>(result) is { } comparison ? Results.Ok(comparison.Station) : result;
    }

    private static Task<IResult> UpdateFirmware(
        string id, FirmwareOrder body, HttpContext http, StationCaller caller, IFirmwareJobStore jobs, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        FirmwareEndpoints.UpdateFirmware(id, new UpdateFirmwareBody(body.Location, null, body.RetrieveDate, body.Retries, body.RetryInterval), http, caller, jobs, options, time, cancellationToken);

    private static Task<IResult> GetDiagnostics(
        string id, DiagnosticsOrder body, HttpContext http, StationCaller caller, IFirmwareJobStore jobs, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        FirmwareEndpoints.GetDiagnostics(id, new GetDiagnosticsBody(body.Location, body.Retries, body.RetryInterval, body.StartTime, body.StopTime), http, caller, jobs, options, time, cancellationToken);

    private static Task<IResult> GetLog(string id, LogOrder body, StationCaller caller, HttpContext http, CancellationToken cancellationToken) =>
        SecurityEndpoints.GetLogAsync(
            id, new GetLogOrder(body.LogType, body.RequestId, body.RemoteLocation, body.OldestTimestamp, body.LatestTimestamp, body.Retries, body.RetryInterval), caller, http, cancellationToken);

    private static Task<IResult> InstallCertificate(string id, InstallCertificateRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);

    private static Task<IResult> GetInstalledCertificateIds(string id, GetInstalledCertificateIdsRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);

    private static Task<IResult> DeleteCertificate(string id, DeleteCertificateRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);

    private static Task<IResult> ExtendedTriggerMessage(string id, ExtendedTriggerMessageRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        body.ConnectorId < 0
            ? Task.FromResult(Problems.BadValue("connectorId", body.ConnectorId, "connectorId is 0 or a connector id when given (Security Whitepaper ed. 3 §4.1)."))
            : CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);

    private static Task<IResult> SignedUpdateFirmware(string id, SignedUpdateFirmwareRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        CoreOperationEndpoints.Forward(id, body, http, caller, cancellationToken);

    /// <summary>The value of a 200 result of the typed endpoint; null for its problems, which pass through as they are.</summary>
    private static T? Value<T>(IResult result)
        where T : class =>
        result is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK } and IValueHttpResult { Value: T value } ? value : null;
}

/// <summary>The local list the tester asks for.</summary>
/// <param name="UpdateType">Full replaces the station's list; Differential sends what changed.</param>
/// <param name="IdTags">Full: the id tags the list holds; Differential: the id tags to add or update. Each is one of the Central System's; default: all of them.</param>
public sealed record LocalListOrder(UpdateType UpdateType, IReadOnlyList<string>? IdTags);

/// <summary>The station's answer to SendLocalList and the version the Central System gave the list.</summary>
/// <param name="Status">SendLocalList.conf status.</param>
/// <param name="ListVersion">The listVersion sent.</param>
public sealed record SendLocalListReply(UpdateStatus? Status, int ListVersion);

/// <summary>The reservation the tester asks for.</summary>
/// <param name="ConnectorId">The connector, 0 for any.</param>
/// <param name="IdTag">The id tag it is for.</param>
/// <param name="ExpiryDate">When it ends.</param>
public sealed record ReservationOrder(int ConnectorId, string IdTag, DateTimeOffset ExpiryDate);

/// <summary>The station's answer to ReserveNow and the reservation id the Central System chose.</summary>
/// <param name="Status">ReserveNow.conf status.</param>
/// <param name="ReservationId">The reservationId sent.</param>
public sealed record ReserveNowReply(ReservationStatus Status, int ReservationId);

/// <summary>The firmware update the tester asks for.</summary>
/// <param name="Location">The firmware URI.</param>
/// <param name="RetrieveDate">When to fetch it; default now.</param>
/// <param name="Retries">How often the station may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
public sealed record FirmwareOrder(string Location, DateTimeOffset? RetrieveDate, int? Retries, int? RetryInterval);

/// <summary>The diagnostics the tester asks for (TC_045_1): the case gives the upload location.</summary>
/// <param name="Location">The directory URI the station uploads into.</param>
/// <param name="Retries">How often the station may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
/// <param name="StartTime">The oldest logging information wanted.</param>
/// <param name="StopTime">The newest logging information wanted.</param>
public sealed record DiagnosticsOrder(string Location, int? Retries, int? RetryInterval, DateTimeOffset? StartTime, DateTimeOffset? StopTime);

/// <summary>The log the tester asks for (TC_079): the case gives its type and the upload location.</summary>
/// <param name="LogType">SecurityLog or DiagnosticsLog.</param>
/// <param name="RequestId">The request id; default one the Central System picks.</param>
/// <param name="RemoteLocation">The directory URI the station uploads into.</param>
/// <param name="OldestTimestamp">The oldest entry wanted.</param>
/// <param name="LatestTimestamp">The newest entry wanted.</param>
/// <param name="Retries">How often the station may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
public sealed record LogOrder(
    LogType LogType, int? RequestId, string RemoteLocation, DateTimeOffset? OldestTimestamp, DateTimeOffset? LatestTimestamp, int? Retries, int? RetryInterval);
