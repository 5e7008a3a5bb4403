using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace OcppLab.Csms.Security;

/// <summary>
/// The operator API asks for a key (header <see cref="Header"/>) on a request that did not arrive on a
/// loopback address: anyone who reaches it can reset stations and read id tags.
/// </summary>
public sealed class OperatorApiKey(RequestDelegate next, IOptionsMonitor<CsmsSecurityOptions> options)
{
    /// <summary>The header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>Checks the key of an <c>/api</c> request, then passes it on.</summary>
    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var local = http.Connection.LocalIpAddress;
        if (!http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || local is null || IPAddress.IsLoopback(local))
        {
            await next(http);
            return;
        }

        var expected = options.CurrentValue.Security.OperatorApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "The operator API answers on a non-loopback address only with an API key: set Csms:Security:OperatorApiKey.");
            return;
        }

        var sent = Encoding.UTF8.GetBytes(http.Request.Headers[Header].ToString());
        if (!CryptographicOperations.FixedTimeEquals(sent, Encoding.UTF8.GetBytes(expected)))
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, $"Send the operator API key in the {Header} header.");
            return;
        }

        await next(http);
    }

    private static Task Refuse(HttpContext http, int status, string detail) =>
        Results.Problem(detail, statusCode: status, type: "urn:ocpplab:problem:api-key", title: "API key required").ExecuteAsync(http);
}
