using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Turns a request the operator API cannot bind into a 400 problem that names what is wrong: the query or
/// route parameter that is not of its type (<c>limit=abc</c>), or the place in the body that cannot be
/// read. The framework's own messages name .NET types; an operator needs the parameter and the rule.
/// </summary>
public sealed class BadBodyProblems(RequestDelegate next)
{
    /// <summary>Runs the rest of the pipeline.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            await Describe(http, e).ExecuteAsync(http);
        }
    }

    private static IResult Describe(HttpContext http, BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.TooLarge(http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize ?? RequestBodyChecks.DefaultLimit);
        }

        if (e.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return Problems.Create(e.StatusCode, "unsupported-media-type", "Unsupported media type", $"This endpoint reads application/json; the request's content-type is '{http.Request.ContentType}'.");
        }

        if (BadParameter(http) is { } parameter)
        {
            return parameter;
        }

        // STJ's message names the CLR type it failed to produce; the JSON path is what the operator can fix.
        return e.InnerException is JsonException json
            ? Problems.Create(StatusCodes.Status400BadRequest, "bad-body", "The request body cannot be read", json.Path is { } path ? $"The value at {path} cannot be read." : "The body is not valid JSON.")
            : Problems.Create(e.StatusCode, "bad-request", "The request is not valid", "The request cannot be read; the endpoint's parameters and body are described at /openapi/v1.json.");
    }

    /// <summary>The first query or route value that does not convert to its handler parameter's type.</summary>
    private static IResult? BadParameter(HttpContext http)
    {
        var handler = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>();
        if (handler is null)
        {
            return null;
        }

        foreach (var parameter in handler.GetParameters())
        {
            var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
            if (parameter.Name is not { } name || !(type == typeof(int) || type == typeof(long) || type == typeof(bool)))
            {
                continue;
            }

            var raw = http.Request.Query.TryGetValue(name, out var query) ? query.ToString()
                : http.Request.RouteValues.TryGetValue(name, out var route) ? route?.ToString()
                : null;
            if (raw is null)
            {
                continue;
            }

            if (type == typeof(bool))
            {
                if (!bool.TryParse(raw, out _))
                {
                    return Problems.BadParameter(name, raw, "must be true or false.");
                }

                continue;
            }

            if (!long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return Problems.BadParameter(name, raw, "must be a whole number.");
            }

            if (type == typeof(int) && number is < int.MinValue or > int.MaxValue)
            {
                return Problems.BadParameter(name, raw, $"must be from {int.MinValue} to {int.MaxValue}.");
            }
        }

        return null;
    }
}
