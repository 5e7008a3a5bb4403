using Microsoft.Extensions.Logging;

namespace OcppLab.Csms.Observability;

/// <summary>The Central System's structured log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Charge point {ChargePointId} connected from {Remote} (subprotocol {Subprotocol})")]
    public static partial void Connected(ILogger logger, string chargePointId, string? remote, string subprotocol);

    [LoggerMessage(2, LogLevel.Information, "Charge point {ChargePointId} disconnected: {Reason} {CloseStatus} {Description}")]
    public static partial void Disconnected(ILogger logger, string chargePointId, string reason, int? closeStatus, string? description);

    [LoggerMessage(3, LogLevel.Warning, "Charge point {ChargePointId} replaced its previous connection; the old one is closed")]
    public static partial void Replaced(ILogger logger, string chargePointId);

    [LoggerMessage(4, LogLevel.Warning, "Refused a WebSocket upgrade for {ChargePointId}: {Reason}")]
    public static partial void Refused(ILogger logger, string chargePointId, string reason);

    [LoggerMessage(5, LogLevel.Error, "Handler for {Action} of {ChargePointId} failed; answered InternalError")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string chargePointId, string action);
}
