using System.Collections.Immutable;
using OcppLab.Csms.IdTags;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.OperatorApi;

/// <summary>Local Auth List Management (OCPP 1.6 §5.10, §5.15): versions, and updates computed from the Central System's id tags.</summary>
public static class LocalListEndpoints
{
    /// <summary>The configuration key bounding one SendLocalList.req (OCPP 1.6 §9.2.3).</summary>
    public const string SendLocalListMaxLength = nameof(SendLocalListMaxLength);

    /// <summary>The configuration key bounding the whole list (OCPP 1.6 §9.2.2).</summary>
    public const string LocalAuthListMaxLength = nameof(LocalAuthListMaxLength);

    /// <summary>Maps the endpoints under <c>/charge-points/{id}/local-list</c>.</summary>
    public static RouteGroupBuilder MapLocalList(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}/local-list").WithTags("Local authorization list");
        group.MapGet("/", Get).WithSummary("The station's list as the Central System knows it: versions, entries, updates sent.").Produces<LocalListView>();
        group.MapPost("/version", GetVersion).WithSummary("GetLocalListVersion; the answer (-1 not supported, 0 empty) is kept.").Produces<GetLocalListVersionResponse>().CallsStation();
        group.MapPost("/", Send)
            .WithSummary("SendLocalList, Full or Differential, computed from the Central System's id tags.")
            .WithDescription("Split into several messages when the list exceeds the station's SendLocalListMaxLength, read with GetConfiguration when not yet known; refused when it exceeds LocalAuthListMaxLength.")
            .Produces<LocalListSendResult>().CallsStation();
        return group;
    }

    private static IResult Get(string id, ILocalListStore lists) => Results.Ok(LocalListView.From(lists.Get(id)));

    internal static async Task<IResult> GetVersion(string id, HttpContext http, StationCaller caller, ILocalListStore lists, TimeProvider time, CancellationToken cancellationToken)
    {
        var answer = await caller.SendAsync(id, new GetLocalListVersionRequest(), http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        var version = answer.Response!.ListVersion;
        lists.Update(id, s => s with { ReportedVersion = version, ReportedAt = time.GetUtcNow() });
        return Results.Ok(answer.Response);
    }

    internal static async Task<IResult> Send(
        string id,
        LocalListBody body,
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
        if (body.ListVersion is < 1)
        {
            return Problems.BadValue("listVersion", body.ListVersion, "A list version sent to a station is at least 1 (0 and -1 are what GetLocalListVersion answers for an empty or unsupported list, OCPP 1.6 §5.10).");
        }

        var unknownTag = body.IdTags?.FirstOrDefault(t => idTags.Find(t) is null);
        if (unknownTag is not null)
        {
            return Problems.BadValue("idTags", unknownTag, "Every id tag of a local list must be one of the Central System's id tags.");
        }

        if (await configuration.EnsureAsync(id, [SendLocalListMaxLength, LocalAuthListMaxLength], http, cancellationToken) is { } problem)
        {
            return problem;
        }

        var station = registry.Find(id);
        var perMessage = station?.ConfigurationInt(SendLocalListMaxLength);
        var wholeList = station?.ConfigurationInt(LocalAuthListMaxLength);
        var tags = body.IdTags ?? idTags.All().Select(t => t.IdTag);
        var wanted = tags.Distinct(StringComparer.OrdinalIgnoreCase)
            .ToImmutableSortedDictionary(t => t, authorizer.Authorize, StringComparer.OrdinalIgnoreCase);
        if (wholeList is { } max && wanted.Count > max)
        {
            return Problems.BadValue("idTags", wanted.Count, $"The station holds at most {max} entries (LocalAuthListMaxLength, OCPP 1.6 §9.2.2).");
        }

        var state = lists.Get(id);
        var plan = LocalListPlanner.Plan(body.UpdateType, state.Entries, wanted, body.ListVersion ?? state.NextVersion, perMessage);
        var sent = new List<LocalListUpdate>();
        foreach (var request in plan)
        {
            var answer = await caller.SendAsync(id, request, http, cancellationToken);
            if (answer.Problem is { } failed)
            {
                return sent.Count == 0 ? failed : Results.Ok(new LocalListSendResult(sent, perMessage, wholeList, LocalListView.From(lists.Get(id))));
            }

            var update = new LocalListUpdate(request.ListVersion, request.UpdateType, request.LocalAuthorizationList?.Count ?? 0, answer.Response!.Status, time.GetUtcNow());
            sent.Add(update);
            lists.Update(id, s => answer.Response.Status == UpdateStatus.Accepted
                ? s with { AcceptedVersion = request.ListVersion, Entries = LocalListPlanner.Apply(s.Entries, request), Updates = s.Updates.Add(update) }
                : s with { Updates = s.Updates.Add(update) });
            if (answer.Response.Status != UpdateStatus.Accepted)
            {
                break;
            }
        }

        return Results.Ok(new LocalListSendResult(sent, perMessage, wholeList, LocalListView.From(lists.Get(id))));
    }
}

/// <summary>What the operator asks to send.</summary>
public sealed record LocalListBody
{
    /// <summary>Full replaces the station's list; Differential sends only what changed since the last accepted update.</summary>
    public required UpdateType UpdateType { get; init; }

    /// <summary>The version of the (first) message; defaults to one above anything reported or accepted.</summary>
    public int? ListVersion { get; init; }

    /// <summary>The id tags the list should hold; defaults to every id tag of the Central System.</summary>
    public IReadOnlyList<string>? IdTags { get; init; }
}

/// <summary>The messages an update took and how the station answered each.</summary>
/// <param name="Updates">One per SendLocalList.req, in order; sending stops at the first answer that is not Accepted.</param>
/// <param name="SendLocalListMaxLength">The per-message limit used (null: none known).</param>
/// <param name="LocalAuthListMaxLength">The list limit checked (null: none known).</param>
/// <param name="List">The list after the update.</param>
public sealed record LocalListSendResult(IReadOnlyList<LocalListUpdate> Updates, int? SendLocalListMaxLength, int? LocalAuthListMaxLength, LocalListView List);

/// <summary>A station's local list as the operator sees it.</summary>
/// <param name="ReportedVersion">The version last reported by GetLocalListVersion.</param>
/// <param name="ReportedAt">When.</param>
/// <param name="AcceptedVersion">The version of the last accepted SendLocalList.</param>
/// <param name="Entries">The entries the station holds after the accepted updates.</param>
/// <param name="Updates">Every update sent.</param>
public sealed record LocalListView(int? ReportedVersion, DateTimeOffset? ReportedAt, int? AcceptedVersion, IReadOnlyList<AuthorizationData> Entries, IReadOnlyList<LocalListUpdate> Updates)
{
    /// <summary>Projects a state.</summary>
    public static LocalListView From(LocalListState s) => new(
        s.ReportedVersion, s.ReportedAt, s.AcceptedVersion, [.. s.Entries.Select(e => new AuthorizationData { IdTag = e.Key, IdTagInfo = e.Value })], s.Updates);
}
