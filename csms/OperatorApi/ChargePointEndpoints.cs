using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;

namespace OcppLab.Csms.OperatorApi;

/// <summary><c>/api/charge-points</c>: the stations, and a CALL of any action to one of them.</summary>
public static class ChargePointEndpoints
{
    /// <summary>Maps the group.</summary>
    public static RouteGroupBuilder MapChargePoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points").WithTags("Charge points");
        group.MapGet("/", List).WithSummary("Every station seen, with its connectors (paged).");
        group.MapGet("/{id}", Get).WithSummary("One station: last boot, heartbeat, connectors, running transactions, configuration last read, reservations, local list, charging profiles, firmware and diagnostics jobs.").Produces<ChargePointDetail>();
        group.MapPost("/{id}/calls/{action}", Call)
            .WithSummary("Send any OCPP CALL to a connected station and return its answer.")
            .WithDescription("The body is the OCPP request payload, sent as given (at most 1 MiB). 200 carries the station's response payload; a CALLERROR, timeout or schema-breaking answer is a problem document. ?validate=false sends unknown actions or schema-breaking payloads on purpose.")
            .Accepts<JsonObject>("application/json")
            .Produces<JsonObject>().CallsStation();
        return group;
    }

    private static IResult List(ChargePointRegistry registry, int? offset, int? limit, bool? connected, string? search)
    {
        if (Paging.Check(offset, limit, out var skip, out var take) is { } problem)
        {
            return problem;
        }

        var matching = registry.All()
            .Where(s => connected is null || s.IsConnected == connected)
            .Where(s => string.IsNullOrEmpty(search) || s.Id.Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
        return Results.Ok(new Page<ChargePointSummary>(matching.Count, skip, take, [.. matching.Skip(skip).Take(take).Select(ChargePointSummary.From)]));
    }

    private static IResult Get(string id, ChargePointRegistry registry, ITransactionStore transactions, StationStores stores, TimeProvider time) =>
        registry.Find(id) is { } station
            ? Results.Ok(ChargePointDetail.From(station, transactions, stores, time.GetUtcNow()))
            : Problems.NotFound($"No charge point '{id}' has connected to this Central System.");

    private static async Task<IResult> Call(string id, string action, bool? validate, HttpContext http, StationCaller caller, CancellationToken cancellationToken)
    {
        // RequestBodyChecks has already held the body to its limit.
        JsonElement payload;
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, cancellationToken);
        if (body.Length == 0)
        {
            // Empty payloads (ClearCache, GetLocalListVersion) may be sent as an empty body.
            payload = JsonDocument.Parse("{}").RootElement.Clone();
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(body.ToArray());
                payload = document.RootElement.Clone();
            }
            catch (JsonException e)
            {
                return Problems.BadRequest($"The body is not JSON: {e.Message}");
            }

            if (payload.ValueKind != JsonValueKind.Object && validate != false)
            {
                return Problems.BadRequest($"The body must be the OCPP request payload, a JSON object; it is {payload.ValueKind}.");
            }
        }

        return await caller.CallAsync(id, action, payload, validate ?? true, http, cancellationToken);
    }
}

/// <summary>One page of a list.</summary>
/// <typeparam name="T">The item type.</typeparam>
/// <param name="Total">How many items match in all.</param>
/// <param name="Offset">How many were skipped.</param>
/// <param name="Limit">The page size asked for.</param>
/// <param name="Items">This page's items.</param>
public sealed record Page<T>(int Total, int Offset, int Limit, IReadOnlyList<T> Items);
