using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OcppLab.Csms.Tests.Robustness;

/// <summary>One entry the host under test logged.</summary>
internal sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);

/// <summary>
/// Keeps the host's log entries from <paramref name="minimum"/> up (Error and Critical unless told), so that a
/// test can prove that nothing failed unhandled inside the server while it looked fine on the wire, or that
/// it warned about what it should.
/// </summary>
internal sealed class CapturedLogs(LogLevel minimum = LogLevel.Error) : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> entries = new();
    private readonly LogLevel from = minimum;

    public IReadOnlyList<CapturedLog> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.from && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.entries.Enqueue(new CapturedLog(category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
