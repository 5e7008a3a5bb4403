using System.Globalization;
using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The log of a fleet run while the live view owns the terminal: every entry in full (with its stack trace) to a
/// file, and the count and the latest one's first line for the view to show, so that a Kestrel <c>fail:</c> with its
/// stack is never printed into the region being redrawn. The file is created with the first entry.
/// </summary>
public sealed class FleetLog(string path) : ILoggerProvider
{
    private readonly Lock sync = new();
    private StreamWriter? file;
    private int count;
    private string? latest;

    /// <summary>Where the entries go.</summary>
    public string Path => path;

    /// <summary>How many entries were logged, and the first line of the latest; (0, null) before any.</summary>
    public (int Count, string? Latest) Summary
    {
        get
        {
            lock (sync)
            {
                return (count, latest);
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new CallbackLogger(categoryName, Write);

    public void Dispose()
    {
        lock (sync)
        {
            file?.Dispose();
            file = null;
        }
    }

    /// <summary>Adds an entry of the embedded Central System's process (<see cref="CentralSystemProcess"/>), its exception as text.</summary>
    public void Write(CentralSystemLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Write(entry.Level, entry.Category, entry.Message, entry.Exception);
    }

    private void Write(LogLevel level, string category, string message, string? exception)
    {
        var first = message.Split('\n', 2)[0].TrimEnd();
        lock (sync)
        {
            count++;
            latest = $"{LogLevelNames.Short(level)} {category}: {first}";
            if (exception is not null)
            {
                latest += $" ({exception.Split('\n', 2)[0].TrimEnd()})";
            }

            try
            {
                file ??= new StreamWriter(path, append: true) { AutoFlush = true };
                file.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTimeOffset.Now:O} {LogLevelNames.Short(level)} {category}: {message}"));
                if (exception is not null)
                {
                    file.WriteLine(exception);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The view still shows the entry; a log file that cannot be written must not end the run.
                latest += $" [not written to {path}: {e.Message}]";
            }
        }
    }
}
