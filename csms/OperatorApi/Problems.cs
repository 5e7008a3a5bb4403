namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// RFC 9457 problem documents for the operator API, each with a stable type name (the README lists them).
/// Problems the framework raises itself (no route, wrong method, wrong media type, an unhandled exception)
/// get their type, title and detail here too, so no error leaves the Central System with an empty body.
/// </summary>
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

    /// <summary>A 400 naming a query or route parameter that could not be read.</summary>
    public static IResult BadParameter(string parameter, string? value, string rule) =>
        Create(
            StatusCodes.Status400BadRequest,
            "bad-parameter",
            "A parameter of the request is not valid",
            $"{parameter} = {value ?? "null"}: {rule}",
            new Dictionary<string, object?> { ["parameter"] = parameter, ["rule"] = rule });

    /// <summary>A 413 for a body over <paramref name="limit"/> bytes.</summary>
    public static IResult TooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, "too-large", "The request body is too large", $"This endpoint reads at most {limit} bytes of body.", new Dictionary<string, object?> { ["limit"] = limit });

    /// <summary>
    /// Completes a problem the framework wrote (status code pages, the exception handler, binding): a type
    /// of ours by status, and a detail that says what happened. Problems written by <see cref="Create"/>
    /// already carry theirs and are left as they are.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Type?.StartsWith(TypePrefix, StringComparison.Ordinal) == true)
        {
            return;
        }

        var http = context.HttpContext;
        var request = $"{http.Request.Method} {http.Request.Path}";
        var status = problem.Status ?? http.Response.StatusCode;
        var (type, title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("bad-request", "The request is not valid", "The request cannot be read."),
            StatusCodes.Status401Unauthorized => ("api-key", "API key required", "Send the operator API key in the X-Api-Key header."),
            StatusCodes.Status403Forbidden => ("forbidden", "Forbidden", "This request is not allowed."),
            StatusCodes.Status404NotFound => ("no-route", "No such endpoint", $"Nothing is served at {request}; the operator API's endpoints are listed at /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", "Method not allowed", $"{http.Request.Method} is not allowed on {http.Request.Path}{Allowed(http)}."),
            StatusCodes.Status413PayloadTooLarge => ("too-large", "The request body is too large", "The request body is larger than this endpoint reads."),
            StatusCodes.Status415UnsupportedMediaType => ("unsupported-media-type", "Unsupported media type", $"This endpoint reads application/json; the request's content-type is '{http.Request.ContentType}'."),
            StatusCodes.Status500InternalServerError => ("internal", "The Central System failed", $"{request} failed inside the Central System; its log has the details (trace id {http.TraceIdentifier})."),
            _ => ($"http-{status}", problem.Title ?? "Error", $"{request} answered {status}."),
        };
        problem.Type = TypePrefix + type;
        problem.Title = title;

        // A framework detail may name .NET types or internals; ours say what the operator can do.
        problem.Detail = status == StatusCodes.Status400BadRequest && problem.Detail is { Length: > 0 } given ? given : detail;
    }

    private static string Allowed(HttpContext http) =>
        http.Response.Headers.Allow is { Count: > 0 } allow ? $"; use {allow}" : "";
}
