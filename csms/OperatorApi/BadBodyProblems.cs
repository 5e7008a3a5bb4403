using System.Text.Json;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Turns a body the operator API cannot read (not JSON, a wrong type, an unknown enum value, a missing
/// required field) into a 400 problem that names the value and its JSON path, instead of an empty 400.
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
            var reason = e.InnerException is JsonException json ? json.Message : e.Message;
            var problem = Problems.Create(e.StatusCode, "bad-body", "The request body cannot be read", reason);
            await problem.ExecuteAsync(http);
        }
    }
}
