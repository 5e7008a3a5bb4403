using System.Net.WebSockets;
using System.Text;

namespace OcppLab.ChargePoint.Transport;

/// <summary>Opens the client WebSocket of a charge point: the seam that tests replace with an in-process server.</summary>
public static class WebSocketFactory
{
    /// <summary>The WebSocket subprotocol of OCPP-J 1.6 (OCPP-J 1.6 §3.1.2).</summary>
    public const string SubProtocol = "ocpp1.6";

    /// <summary>
    /// A factory that opens a WebSocket (<see cref="WebSocketUpgrade"/>) requesting the <c>ocpp1.6</c> subprotocol,
    /// with HTTP Basic authentication whose user name is the charge point identity (Security Whitepaper §2.4)
    /// and WebSocket pings every <paramref name="pingInterval"/> (the WebSocketPingInterval key).
    /// </summary>
    public static Func<Uri, CancellationToken, Task<WebSocket>> Client(string chargePointId, string? basicAuthPassword, Func<TimeSpan> pingInterval) =>
        Client(chargePointId, () => basicAuthPassword, pingInterval);

    /// <summary>
    /// As above, with the password read at every connection attempt, so that a new AuthorizationKey is
    /// used from the next connection on (OCTT TC_073). A wss:// URL is checked against the system trust store;
    /// the security profiles' own checks are <see cref="Security.SecureWebSocketFactory"/>'s.
    /// </summary>
    public static Func<Uri, CancellationToken, Task<WebSocket>> Client(string chargePointId, Func<string?> basicAuthPassword, Func<TimeSpan> pingInterval)
    {
        ArgumentNullException.ThrowIfNull(basicAuthPassword);
        ArgumentNullException.ThrowIfNull(pingInterval);
        return (uri, cancellationToken) =>
        {
            var authorization = basicAuthPassword() is { Length: > 0 } password ? BasicAuthorization(chargePointId, password) : null;
            return WebSocketUpgrade.ConnectAsync(uri, SubProtocol, authorization, pingInterval(), null, cancellationToken);
        };
    }

    /// <summary>The value of the Authorization header for HTTP Basic authentication.</summary>
    public static string BasicAuthorization(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
