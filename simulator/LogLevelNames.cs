using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator;

/// <summary>Log levels in four letters, as the .NET console logger writes them (info, warn, fail).</summary>
internal static class LogLevelNames
{
    public static string Short(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };
}
