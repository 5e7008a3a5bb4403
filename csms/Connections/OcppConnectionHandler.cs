using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Observability;
using OcppLab.Csms.Security;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Connections;

/// <summary>
/// Accepts one charge point's WebSocket (OCPP-J 1.6 §3): checks the identity and the subprotocol,
/// replaces an older connection of the same station, and runs the RPC endpoint until the socket closes.
/// </summary>
public sealed class OcppConnectionHandler(
    ChargePointRegistry registry,
    OcppRouter<ChargePointSession> router,
    RegistrationGate gate,
    StationAdmission admission,
    FrameEventHub frames,
    CsmsMetrics metrics,
    IOptionsMonitor<CsmsOptions> options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<OcppConnectionHandler> logger)
{
    /// <summary>The only subprotocol spoken (OCPP-J 1.6 §3.1.2).</summary>
    public const string Subprotocol = "ocpp1.6";

    /// <summary>The longest charge point identity accepted (CiString48 in later OCPP versions; generous for 1.6).</summary>
    public const int MaxIdentityLength = 48;

    /// <summary>Handles the upgrade request for <paramref name="chargePointId"/>.</summary>
    public async Task HandleAsync(HttpContext http, string chargePointId)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(http, chargePointId, StatusCodes.Status400BadRequest, "This is an OCPP-J 1.6 endpoint: connect with a WebSocket offering the subprotocol 'ocpp1.6'.");
            return;
        }

        if (chargePointId.Length is 0 or > MaxIdentityLength || chargePointId.Any(char.IsControl))
        {
            await RefuseAsync(http, chargePointId, StatusCodes.Status400BadRequest, $"The charge point identity must have 1 to {MaxIdentityLength} printable characters.");
            return;
        }

        if (!await admission.AdmitAsync(http, chargePointId))
        {
            return;
        }

        var settings = options.CurrentValue;
        var offered = http.WebSockets.WebSocketRequestedProtocols;
        var speaksOcpp16 = offered.Contains(Subprotocol, StringComparer.Ordinal);
        if (!speaksOcpp16 && (offered.Count > 0 || !settings.AllowMissingSubprotocol))
        {
            // OCPP-J 1.6 §3.1.2 / TC_088: without a common subprotocol there is no connection.
            var what = offered.Count == 0 ? "no subprotocol" : $"only [{string.Join(", ", offered)}]";
            await RefuseAsync(http, chargePointId, StatusCodes.Status400BadRequest, $"The charge point offered {what}; this Central System speaks '{Subprotocol}'.");
            return;
        }

        var station = registry.GetOrAdd(chargePointId);
        var endpoint = new OcppRpcEndpoint(
            chargePointId,
            gate.Guard(station, router.Bind(station)),
            new OcppRpcOptions
            {
                CallTimeout = TimeSpan.FromSeconds(settings.CallTimeoutSeconds),
                MaxConsecutiveBadFrames = settings.MaxConsecutiveBadFrames,
                MaxFrameBytes = settings.MaxFrameBytes,
                ValidateOutgoing = settings.ValidateOutgoing,

                // WebSocketTransport's send loop only writes to the socket: an answer goes out on the thread that made it.
                SendInline = true,
            },
            time,
            frames);

        var previous = station.Attach(endpoint);
        if (previous is not null)
        {
            // One connection per identity: the newest wins, the old one's pending call fails (README, decision log).
            Log.Replaced(logger, chargePointId);
            previous.Close();
        }

        station.ConnectedSince = time.GetUtcNow();
        station.ConnectionCount++;
        metrics.Connected();
        Log.Connected(logger, chargePointId, http.Connection.RemoteIpAddress?.ToString(), Subprotocol);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ChargePointId"] = chargePointId });
        try
        {
            // The connection is attached before the handshake completes, so that by the time the station
            // sees its upgrade accepted, the operator can already reach it; calls queue until the send loop runs.
            using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
            {
                SubProtocol = speaksOcpp16 ? Subprotocol : null,
                DangerousEnableCompression = false,
            });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
            var end = await WebSocketTransport.RunAsync(socket, endpoint, stop.Token);
            Log.Disconnected(logger, chargePointId, end.Reason.ToString(), end.CloseStatus, end.Description);
        }
        finally
        {
            // Disposed before it is detached: an answer that arrived just before the close has been acted on (its
            // answer routes) by the time the station's next connection can no longer see this one.
            await endpoint.DisposeAsync();
            if (station.Detach(endpoint))
            {
                station.DisconnectedAt = time.GetUtcNow();
            }

            metrics.Disconnected();
        }
    }

    private async Task RefuseAsync(HttpContext http, string chargePointId, int status, string reason)
    {
        Log.Refused(logger, chargePointId, reason);
        http.Response.StatusCode = status;
        await http.Response.WriteAsync(reason, http.RequestAborted);
    }
}
