using OcppLab.Csms.IdTags;

namespace OcppLab.Csms.OperatorApi;

/// <summary><c>/api/id-tags</c>: the id tags the Central System authorizes against.</summary>
public static class IdTagEndpoints
{
    /// <summary>The longest id tag (IdToken is CiString20, OCPP 1.6 §7.28).</summary>
    public const int MaxIdTagLength = 20;

    /// <summary>Maps the group.</summary>
    public static RouteGroupBuilder MapIdTags(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/id-tags").WithTags("Id tags");
        group.MapGet("/", (IIdTagStore tags) => Results.Ok(tags.All().Select(IdTagView.From))).WithSummary("Every id tag.");
        group.MapGet("/{idTag}", Get).WithSummary("One id tag.");
        group.MapPut("/{idTag}", Put).WithSummary("Create or replace an id tag.");
        group.MapDelete("/{idTag}", Delete).WithSummary("Remove an id tag (it then authorizes as Invalid).");
        return group;
    }

    private static IResult Get(string idTag, IIdTagStore tags) =>
        tags.Find(idTag) is { } record ? Results.Ok(IdTagView.From(record)) : Problems.NotFound($"No id tag '{idTag}'.");

    private static IResult Put(string idTag, IdTagView body, IIdTagStore tags)
    {
        if (idTag.Length > MaxIdTagLength)
        {
            return Problems.BadRequest($"The id tag '{idTag}' has {idTag.Length} characters; IdToken allows {MaxIdTagLength}.");
        }

        if (body.ParentIdTag is { Length: > MaxIdTagLength } parent)
        {
            return Problems.BadRequest($"The parentIdTag '{parent}' has {parent.Length} characters; IdToken allows {MaxIdTagLength}.");
        }

        if (body.IdTag is not null && !string.Equals(body.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.BadRequest($"The body names id tag '{body.IdTag}' but the path names '{idTag}'.");
        }

        var record = new IdTagRecord(idTag, body.Status, body.ExpiryDate, body.ParentIdTag);
        tags.Upsert(record);
        return Results.Ok(IdTagView.From(record));
    }

    private static IResult Delete(string idTag, IIdTagStore tags) =>
        tags.Remove(idTag) ? Results.NoContent() : Problems.NotFound($"No id tag '{idTag}'.");
}
