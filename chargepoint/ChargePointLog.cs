using Microsoft.Extensions.Logging;

namespace OcppLab.ChargePoint;

/// <summary>The charge point's log messages.</summary>
internal static partial class ChargePointLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{ChargePointId} connected to the Central System")]
    public static partial void Connected(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{ChargePointId} could not connect (attempt {Attempt}); next try in {Delay}")]
    public static partial void ConnectFailed(ILogger logger, string chargePointId, int attempt, TimeSpan delay, Exception exception);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "{ChargePointId} lost its connection")]
    public static partial void Disconnected(ILogger logger, string chargePointId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "{ChargePointId} registration {Status}; interval {Interval} s")]
    public static partial void Registered(ILogger logger, string chargePointId, OcppLab.Protocol.Messages.Types.RegistrationStatus status, int interval);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "{ChargePointId}: {Action} failed (attempt {Attempt})")]
    public static partial void CallFailed(ILogger logger, string chargePointId, string action, int attempt, Exception exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "{ChargePointId}: {Action} dropped after {Attempts} attempts")]
    public static partial void MessageDropped(ILogger logger, string chargePointId, string action, int attempts);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "{ChargePointId} reboots ({Reason})")]
    public static partial void Rebooting(ILogger logger, string chargePointId, OcppLab.Protocol.Messages.Types.Reason reason);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "{ChargePointId}: {Operation} failed")]
    public static partial void OperationFailed(ILogger logger, string chargePointId, string operation, Exception exception);
}
