using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// A logger of one category that hands each entry, formatted, to a callback: the fleet's log file
/// (<see cref="FleetLog"/>) and the embedded Central System's channel to the fleet both write entries this way.
/// </summary>
/// <param name="category">The category the entries are written under.</param>
/// <param name="write">Takes the level, the category, the message and the exception's text (if any).</param>
internal sealed class CallbackLogger(string category, Action<LogLevel, string, string, string?> write) : ILogger
{
    /// <inheritdoc/>
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc/>
    public bool IsEnabled(LogLevel logLevel) => logLevel is not LogLevel.None;

    /// <inheritdoc/>
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        write(logLevel, category, formatter(state, exception), exception?.ToString());
    }
}
