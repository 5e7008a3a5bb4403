using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.TestHost;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Security;

/// <summary>An upgrade request to the in-memory Central System: the socket, or the HTTP status it was refused with.</summary>
internal static partial class Upgrade
{
    public static string Basic(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    public static async Task<(WebSocket? Socket, int? Status)> TryAsync(CsmsFactory csms, string id, string? authorization = null, string[]? subprotocols = null)
    {
        var client = csms.Server.CreateWebSocketClient();
        foreach (var protocol in subprotocols ?? ["ocpp1.6"])
        {
            client.SubProtocols.Add(protocol);
        }

        if (authorization is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = authorization;
        }

        try
        {
            return (await client.ConnectAsync(new Uri(csms.OcppBaseUri, Uri.EscapeDataString(id)), CancellationToken.None), null);
        }
        catch (InvalidOperationException e)
        {
            var match = StatusCode().Match(e.Message);
            return (null, match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null);
        }
    }

    [GeneratedRegex(@"status code:?\s*(\d{3})", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCode();
}
