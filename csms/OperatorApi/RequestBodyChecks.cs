using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using OcppLab.Protocol;
using OcppLab.Protocol.Validation;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// The operator API's edge for request bodies: a size limit on every endpoint (413 past it), and the
/// OCPP 1.6 schema check that inbound frames get (<see cref="PayloadSchema"/>) applied to every typed
/// body before it is bound. Binding alone would take <c>{"type":1}</c> for Reset Soft and a 2 MB
/// string for a DataTransfer; the schema check names the member and the values the spec allows.
/// </summary>
public sealed class RequestBodyChecks(RequestDelegate next)
{
    /// <summary>The largest body an operator endpoint reads unless it declares its own limit, in bytes.</summary>
    public const int DefaultLimit = 1024 * 1024;

    /// <summary>Checks the body, then runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var endpoint = http.GetEndpoint();
        var declared = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>();
        if (endpoint is null || !http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || declared is { MaxRequestBodySize: null })
        {
            // Endpoints that stream a large body (firmware uploads) enforce their own limit.
            await next(http);
            return;
        }

        var limit = declared?.MaxRequestBodySize ?? DefaultLimit;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrel)
        {
            kestrel.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            await Problems.TooLarge(limit).ExecuteAsync(http);
            return;
        }

        var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (bodyType is null)
        {
            await next(http);
            return;
        }

        var body = await ReadAsync(http.Request.Body, limit, http.RequestAborted);
        if (body is null)
        {
            await Problems.TooLarge(limit).ExecuteAsync(http);
            return;
        }

        http.Request.Body = new MemoryStream(body, writable: false);
        if (body.Length > 0 && IsSchemaChecked(bodyType) && IsJson(http.Request) && Check(body, bodyType) is { } problem)
        {
            await problem.ExecuteAsync(http);
            return;
        }

        await next(http);
    }

    /// <summary>The schema violation of <paramref name="body"/> as a problem naming the member, or null when it fits.</summary>
    private static IResult? Check(byte[] body, Type bodyType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return Problems.Create(StatusCodes.Status400BadRequest, "bad-body", "The request body cannot be read", $"The body is not JSON: {e.Message}");
        }

        using (document)
        {
            if (PayloadSchema.For(bodyType).Validate(document.RootElement) is not { } violation)
            {
                return null;
            }

            var member = violation.Path.StartsWith("$.", StringComparison.Ordinal) ? violation.Path[2..] : violation.Path;
            return Problems.Create(
                StatusCodes.Status400BadRequest,
                "schema-violation",
                "The request breaks the OCPP 1.6 schema",
                $"{member}: {violation.Reason}.",
                new Dictionary<string, object?> { ["member"] = member, ["rule"] = violation.Reason, ["errorCode"] = violation.Code.ToWire() });
        }
    }

    private static bool IsSchemaChecked(Type type) =>
        type != typeof(JsonElement) && !typeof(JsonNode).IsAssignableFrom(type) && type != typeof(string) && type != typeof(Stream);

    private static bool IsJson(HttpRequest request) => request.HasJsonContentType();

    /// <summary>The body, or null when it has more than <paramref name="limit"/> bytes (chunked bodies have no length to check up front).</summary>
    private static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
