using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.Reservations;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// Central Systems whose own command builders are wrong: each answers one endpoint of the manual-action
/// contract with an OCPP message it builds itself, with one defect, and sends it over its raw station call.
/// Only a suite that lets the CSMS build the message (not one that writes the payload and has it relayed)
/// can see these defects.
/// </summary>
public static partial class BrokenCsms
{
    /// <summary>Builds a local list whose entries carry no idTagInfo (TC_043_4 must fail).</summary>
    public static EmbeddedCsmsTarget LocalListWithoutIdTagInfo() => new("broken CSMS: local list without idTagInfo", services =>
        Build(services, "send-local-list", (http, id, order) =>
        {
            var lists = http.RequestServices.GetRequiredService<ILocalListStore>();
            return Task.FromResult(LocalList(order, lists.Get(id).NextVersion, tag => new JsonObject { ["idTag"] = tag }));
        }));

    /// <summary>Sends the version the station reported instead of a higher one (TC_043_5 must fail).</summary>
    public static EmbeddedCsmsTarget LocalListVersionNotRaised() => new("broken CSMS: local list version not raised", services =>
        Build(services, "send-local-list", (http, id, order) =>
        {
            var lists = http.RequestServices.GetRequiredService<ILocalListStore>();
            var authorizer = http.RequestServices.GetRequiredService<IdTagAuthorizer>();
            return Task.FromResult(LocalList(order, lists.Get(id).ReportedVersion ?? 1, tag => new JsonObject
            {
                ["idTag"] = tag,
                ["idTagInfo"] = new JsonObject { ["status"] = authorizer.Authorize(tag).Status.ToString() },
            }));
        }));

    /// <summary>Reserves without filling parentIdTag from its id tags (TC_053 must fail).</summary>
    public static EmbeddedCsmsTarget ReservationWithoutParentIdTag() => new("broken CSMS: parentIdTag not filled", services =>
        Build(services, "reserve-now", (http, _, order) =>
        {
            var reservations = http.RequestServices.GetRequiredService<IReservationStore>();
            return Task.FromResult(new JsonObject
            {
                ["connectorId"] = order["connectorId"]?.DeepClone(),
                ["expiryDate"] = order["expiryDate"]?.DeepClone(),
                ["idTag"] = order["idTag"]?.DeepClone(),
                ["reservationId"] = reservations.NextReservationId(),
            });
        }));

    /// <summary>Asks for the composite schedule without the unit the operator chose (TC_066 must fail).</summary>
    public static EmbeddedCsmsTarget CompositeScheduleWithoutUnit() => new("broken CSMS: composite schedule unit dropped", services =>
        Build(services, "get-composite-schedule", (_, _, order) =>
        {
            var request = order.DeepClone().AsObject();
            request.Remove("chargingRateUnit");
            return Task.FromResult(request);
        }));

    /// <summary>Builds the profile the operator asks for without its validity period (TC_056 must fail: 2025-11 requires validFrom and validTo).</summary>
    public static EmbeddedCsmsTarget DropsProfileValidity() => new("broken CSMS: profile without validFrom/validTo", services =>
        Build(services, "set-charging-profile", (http, _, order) =>
        {
            var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            var schedule = new JsonObject
            {
                ["startSchedule"] = Support.Lab.LabValues.Timestamp(now),
                ["chargingRateUnit"] = order["chargingRateUnit"]?.DeepClone() ?? "A",
                ["chargingSchedulePeriod"] = new JsonArray(new JsonObject { ["startPeriod"] = 0, ["limit"] = order["limit"]?.DeepClone() }),
            };
            if (order["duration"] is { } duration)
            {
                schedule["duration"] = duration.DeepClone();
            }

            return Task.FromResult(new JsonObject
            {
                ["connectorId"] = order["connectorId"]?.DeepClone(),
                ["csChargingProfiles"] = new JsonObject
                {
                    ["chargingProfileId"] = order["chargingProfileId"]?.DeepClone() ?? 1,
                    ["stackLevel"] = order["stackLevel"]?.DeepClone() ?? 0,
                    ["chargingProfilePurpose"] = order["chargingProfilePurpose"]?.DeepClone(),
                    ["chargingProfileKind"] = "Absolute",
                    ["chargingSchedule"] = schedule,
                },
            });
        }));

    /// <summary>Builds a TxProfile the way our Central System does, but bound to no transaction (TC_057 must fail).</summary>
    public static EmbeddedCsmsTarget TxProfileWithoutTheRunningTransaction() => new("broken CSMS: TxProfile without transactionId", services =>
        Build(services, "set-charging-profile", (http, id, order) =>
        {
            var request = JsonSerializer.Deserialize<ChargingProfileOrder>(order, Json)!.ToRequest(
                runningTransactionId: null, [], Csms.SmartCharging.StationChargingLimits.None, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow());
            return Task.FromResult(JsonSerializer.SerializeToNode(request, Json)!.AsObject());
        }));

    /// <summary>A Central System that offers the raw relay and none of the manual actions: every manual path is 404, as an unknown route.</summary>
    public static EmbeddedCsmsTarget OffersOnlyTheRelay() => new("CSMS without the manual-action contract", services =>
        services.AddTransient<IStartupFilter>(_ => new Middleware(next => http =>
        {
            if (ManualPath().IsMatch(http.Request.Path.Value ?? ""))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        })));

    private static JsonObject LocalList(JsonObject order, int listVersion, Func<string, JsonObject> entry) => new()
    {
        ["listVersion"] = listVersion,
        ["updateType"] = order["updateType"]?.DeepClone(),
        ["localAuthorizationList"] = new JsonArray([.. (order["idTags"] as JsonArray ?? []).Select(tag => (JsonNode)entry(tag!.GetValue<string>()))]),
    };

    /// <summary>
    /// Answers POST /api/charge-points/{id}/manual/<paramref name="manualAction"/> with the OCPP request
    /// <paramref name="build"/> makes of the operator's parameters, sent through the Central System's station call.
    /// </summary>
    private static void Build(IServiceCollection services, string manualAction, Func<HttpContext, string, JsonObject, Task<JsonObject>> build) =>
        services.AddTransient<IStartupFilter>(_ => new Middleware(next => async http =>
        {
            var match = ManualPath().Match(http.Request.Path.Value ?? "");
            if (http.Request.Method != "POST" || !match.Success || match.Groups[2].Value != manualAction)
            {
                await next(http);
                return;
            }

            var id = Uri.UnescapeDataString(match.Groups[1].Value);
            var order = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject ?? [];
            var request = await build(http, id, order);
            var caller = http.RequestServices.GetRequiredService<StationCaller>();
            var action = ManualActions.Actions.Single(a => ManualActions.Find(a)!.Path == manualAction);
            using var payload = JsonDocument.Parse(request.ToJsonString());
            var result = await caller.CallAsync(id, action, payload.RootElement.Clone(), validate: true, http, http.RequestAborted);
            await result.ExecuteAsync(http);
        }));

    /// <summary>The operator API's spelling: camelCase members, enums by name, no nulls.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [GeneratedRegex("^/api/charge-points/([^/]+)/manual/([a-z-]+)$")]
    private static partial Regex ManualPath();
}
