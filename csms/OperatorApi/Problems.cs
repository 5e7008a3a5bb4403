namespace OcppLab.Csms.OperatorApi;

/// <summary>RFC 9457 problem documents for the operator API, each with a stable type name.</summary>
public static class Problems
{
    /// <summary>The prefix of every problem type.</summary>
    public const string TypePrefix = "urn:ocpplab:problem:";

    /// <summary>A problem with status, type, title and detail.</summary>
    public static IResult Create(int status, string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypePrefix + type, extensions: extensions);

    /// <summary>A 400 that names what is wrong with the request.</summary>
    public static IResult BadRequest(string detail) =>
        Create(StatusCodes.Status400BadRequest, "bad-request", "The request is not valid", detail);

    /// <summary>A 404 for something that does not exist.</summary>
    public static IResult NotFound(string detail) =>
        Create(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    /// <summary>A 400 naming the field whose value breaks a rule, with the rule in the spec's words.</summary>
    public static IResult BadValue(string field, object? value, string rule) =>
        Create(
            StatusCodes.Status400BadRequest,
            "bad-value",
            "A value of the request breaks a rule",
            $"{field} = {value ?? "null"}: {rule}",
            new Dictionary<string, object?> { ["field"] = field, ["rule"] = rule });
}
