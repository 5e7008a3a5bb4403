using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// Log entries as one line each on a writer: time, level, message, and for an exception its messages (outermost to
/// innermost) rather than its stack trace, which only <c>--verbose</c> adds. A charge point that cannot reach its
/// Central System logs every retry; a line saying why is what a person can act on, a stack trace per retry is not.
/// </summary>
internal sealed class ConsoleLog(TextWriter output, LogLevel minimum, bool verbose) : ILoggerProvider
{
    private readonly Lock sync = new();

    /// <summary>The messages of <paramref name="exception"/> and its inner exceptions, each once, joined by ": ".</summary>
    public static string Messages(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim().TrimEnd('.');
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        return string.Join(": ", messages);
    }

    public ILogger CreateLogger(string categoryName) => new Writer(this);

    public void Dispose()
    {
    }

    private bool Enabled(LogLevel level) => level >= minimum && level != LogLevel.None;

    private void Write(LogLevel level, string message, Exception? exception)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:HH:mm:ss.fff} {LogLevelNames.Short(level)} {message}");
        if (exception is not null)
        {
            text += verbose ? Environment.NewLine + exception : ": " + Messages(exception);
        }

        lock (sync)
        {
            output.WriteLine(text);
        }
    }

    private sealed class Writer(ConsoleLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.Enabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (IsEnabled(logLevel))
            {
                owner.Write(logLevel, formatter(state, exception), exception);
            }
        }
    }
}
