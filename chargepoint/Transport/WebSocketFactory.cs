using System.Net.WebSockets;
using System.Text;

namespace OcppLab.ChargePoint.Transport;

/// <summary>Opens the client WebSocket of a charge point: the seam that tests replace with an in-process server.</summary>
public static class WebSocketFactory
{
    /// <summary>The WebSocket subprotocol of OCPP-J 1.6 (OCPP-J 1.6 §3.1.2).</summary>
    public const string SubProtocol = "ocpp1.6";

    /// <summary>
    /// A factory that opens a <see cref="ClientWebSocket"/> requesting the <c>ocpp1.6</c> subprotocol, with
    /// HTTP Basic authentication whose user name is the charge point identity (Security Whitepaper §2.4)
    /// and WebSocket pings every <paramref name="pingInterval"/> (the WebSocketPingInterval key).
    /// </summary>
    public static Func<Uri, CancellationToken, Task<WebSocket>> Client(string chargePointId, string? basicAuthPassword, Func<TimeSpan> pingInterval) =>
        Client(chargePointId, () => basicAuthPassword, pingInterval);

    /// <summary>
    /// As above, with the password read at every connection attempt, so that a new AuthorizationKey is
    /// used from the next connection on (OCTT TC_073).
    /// </summary>
    public static Func<Uri, CancellationToken, Task<WebSocket>> Client(string chargePointId, Func<string?> basicAuthPassword, Func<TimeSpan> pingInterval) =>
        async (uri, cancellationToken) =>
        {
            var socket = new ClientWebSocket();
            try
            {
                socket.Options.AddSubProtocol(SubProtocol);
                socket.Options.KeepAliveInterval = pingInterval();
                if (basicAuthPassword() is { Length: > 0 } password)
                {
                    socket.Options.SetRequestHeader("Authorization", BasicAuthorization(chargePointId, password));
                }

                await socket.ConnectAsync(uri, cancellationToken);
                return socket;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    /// <summary>The value of the Authorization header for HTTP Basic authentication.</summary>
    public static string BasicAuthorization(string user, string password) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
