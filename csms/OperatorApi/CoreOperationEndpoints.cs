using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.SmartCharging;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Typed endpoints for the Core operations a Central System initiates (OCPP 1.6 §5), beside the generic
/// <c>calls/{action}</c>. Each checks its input, sends the CALL and returns the station's answer.
/// Values a station may legitimately refuse (unknown keys, odd values, unknown transaction ids) are
/// sent as given: OCTT's manual actions need them (TC_040_1, TC_040_2).
/// </summary>
public static class CoreOperationEndpoints
{
    /// <summary>Maps the endpoints under <c>/charge-points/{id}</c>.</summary>
    public static RouteGroupBuilder MapCoreOperations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}").WithTags("Core operations");
        group.MapPost("/remote-start", RemoteStart)
            .WithSummary("RemoteStartTransaction; waits for the station's StartTransaction and returns its transactionId.")
            .WithDescription("?waitSeconds=0 returns as soon as the station answers. An Accepted start without a StartTransaction within the wait is a 504 problem of type no-transaction.")
            .Produces<RemoteStartResult>().CallsStation();
        group.MapPost("/remote-stop", RemoteStop).WithSummary("RemoteStopTransaction of any transactionId.").Produces<RemoteStopTransactionResponse>().CallsStation();
        group.MapPost("/reset", Reset).WithSummary("Reset Hard or Soft.").Produces<ResetResponse>().CallsStation();
        group.MapPost("/unlock", Unlock).WithSummary("UnlockConnector.").Produces<UnlockConnectorResponse>().CallsStation();
        group.MapPost("/change-availability", ChangeAvailability).WithSummary("ChangeAvailability of connector 0 (the whole station) or one connector.").Produces<ChangeAvailabilityResponse>().CallsStation();
        group.MapPost("/get-configuration", GetConfiguration).WithSummary("GetConfiguration of all keys or the keys listed; the answer is kept as the station's configuration.").Produces<GetConfigurationResponse>().CallsStation();
        group.MapPost("/change-configuration", ChangeConfiguration).WithSummary("ChangeConfiguration of any key to any value.").Produces<ChangeConfigurationResponse>().CallsStation();
        group.MapPost("/clear-cache", ClearCache).WithSummary("ClearCache.").Produces<ClearCacheResponse>().CallsStation();
        group.MapPost("/data-transfer", DataTransfer).WithSummary("DataTransfer to the station.").Produces<DataTransferResponse>().CallsStation();
        group.MapGet("/configuration", Configuration).WithSummary("The configuration last read from the station, by key.").Produces<IReadOnlyList<ConfigurationEntry>>();
        return group;
    }

    internal static async Task<IResult> RemoteStart(
        string id,
        RemoteStartTransactionRequest body,
        int? waitSeconds,
        HttpContext http,
        StationCaller caller,
        RemoteStartWaiters waiters,
        RemoteStartProfiles profiles,
        IOptionsMonitor<CsmsOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (body.ConnectorId is <= 0)
        {
            return Problems.BadValue("connectorId", body.ConnectorId, "RemoteStartTransaction.req connectorId SHALL be > 0 when given (OCPP 1.6 §6.33).");
        }

        if (waitSeconds < 0)
        {
            return Problems.BadParameter("waitSeconds", waitSeconds.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "must be 0 (answer at once) or more.");
        }

        if (body.ChargingProfile is { } profile && profiles.Check(id, profile) is { } refusal)
        {
            return refusal;
        }

        var wait = TimeSpan.FromSeconds(waitSeconds ?? options.CurrentValue.RemoteStartWaitSeconds);
        using var waiter = waiters.Register(id, body.ConnectorId, body.IdTag);
        using var waitEnds = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The deadline starts before the CALL goes out, so a StartTransaction that races the answer is not missed.
        var deadline = Task.Delay(wait, time, waitEnds.Token);
        var answer = await caller.SendAsync(id, body, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            await waitEnds.CancelAsync();
            return problem;
        }

        var status = answer.Response!.Status;
        if (status != RemoteStartStopStatus.Accepted || wait == TimeSpan.Zero)
        {
            await waitEnds.CancelAsync();
            return Results.Ok(new RemoteStartResult(status, null, null));
        }

        var first = await Task.WhenAny(waiter.Started, deadline);
        await waitEnds.CancelAsync();
        if (first != waiter.Started)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Problems.Create(
                StatusCodes.Status504GatewayTimeout,
                "no-transaction",
                "No transaction started",
                $"The station accepted RemoteStartTransaction for '{body.IdTag}' but sent no StartTransaction within {wait.TotalSeconds:0} s.",
                new Dictionary<string, object?> { ["answer"] = status.ToString() });
        }

        var (transactionId, connectorId) = await waiter.Started;
        if (body.ChargingProfile is { } started)
        {
            profiles.OnStarted(id, connectorId, transactionId, started);
        }

        return Results.Ok(new RemoteStartResult(status, transactionId, connectorId));
    }

    internal static Task<IResult> RemoteStop(string id, RemoteStopTransactionRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        Forward(id, body, http, caller, cancellationToken);

    internal static Task<IResult> Reset(string id, ResetRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        Forward(id, body, http, caller, cancellationToken);

    internal static Task<IResult> Unlock(string id, UnlockConnectorRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        body.ConnectorId <= 0
            ? Task.FromResult(Problems.BadValue("connectorId", body.ConnectorId, "UnlockConnector.req connectorId SHALL be > 0 (OCPP 1.6 §6.55)."))
            : Forward(id, body, http, caller, cancellationToken);

    internal static Task<IResult> ChangeAvailability(string id, ChangeAvailabilityRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        body.ConnectorId < 0
            ? Task.FromResult(Problems.BadValue("connectorId", body.ConnectorId, "connectorId is 0 for the whole Charge Point or the id of a connector (OCPP 1.6 §6.3)."))
            : Forward(id, body, http, caller, cancellationToken);

    internal static async Task<IResult> GetConfiguration(
        string id, GetConfigurationRequest? body, HttpContext http, StationCaller caller, ChargePointRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        // No body asks for every key, as an empty key list does (OCPP 1.6 §5.8).
        var answer = await caller.SendAsync(id, body ?? new GetConfigurationRequest(), http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        var response = answer.Response!;
        var now = time.GetUtcNow();
        registry.Find(id)?.RecordConfiguration(
            (response.ConfigurationKey ?? []).Select(k => new ConfigurationEntry(k.Key, k.Value, k.Readonly, true, now, "GetConfiguration"))
                .Concat((response.UnknownKey ?? []).Select(k => new ConfigurationEntry(k, null, false, false, now, "GetConfiguration"))));
        return Results.Ok(response);
    }

    internal static async Task<IResult> ChangeConfiguration(
        string id, ChangeConfigurationRequest body, HttpContext http, StationCaller caller, ChargePointRegistry registry, TimeProvider time, CancellationToken cancellationToken)
    {
        var answer = await caller.SendAsync(id, body, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        // Accepted and RebootRequired both mean the station took the value (OCPP 1.6 §5.3).
        if (answer.Response!.Status is ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired && registry.Find(id) is { } station)
        {
            var previous = station.Configuration.GetValueOrDefault(body.Key);
            station.RecordConfiguration([new ConfigurationEntry(previous?.Key ?? body.Key, body.Value, false, true, time.GetUtcNow(), "ChangeConfiguration")]);
        }

        return Results.Ok(answer.Response);
    }

    internal static Task<IResult> ClearCache(string id, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        Forward(id, new ClearCacheRequest(), http, caller, cancellationToken);

    internal static Task<IResult> DataTransfer(string id, DataTransferRequest body, HttpContext http, StationCaller caller, CancellationToken cancellationToken) =>
        Forward(id, body, http, caller, cancellationToken);

    private static IResult Configuration(string id, ChargePointRegistry registry) =>
        registry.Find(id) is { } station
            ? Results.Ok(station.Configuration.Values.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).ToList())
            : Problems.NotFound($"No charge point '{id}' has connected to this Central System.");

    /// <summary>Sends <paramref name="request"/> and returns the station's answer as it is.</summary>
    internal static async Task<IResult> Forward<TResponse>(string id, Protocol.Messages.IOcppRequest<TResponse> request, HttpContext http, StationCaller caller, CancellationToken cancellationToken)
        where TResponse : class, Protocol.Messages.IOcppResponse
    {
        var answer = await caller.SendAsync(id, request, http, cancellationToken);
        return answer.Problem ?? Results.Ok(answer.Response);
    }
}

/// <summary>The outcome of a remote start.</summary>
/// <param name="Status">The station's answer to RemoteStartTransaction.</param>
/// <param name="TransactionId">The transaction the station started, once its StartTransaction arrived.</param>
/// <param name="ConnectorId">The connector it started on.</param>
public sealed record RemoteStartResult(RemoteStartStopStatus Status, int? TransactionId, int? ConnectorId);
