using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// What the fleet and the process of its embedded Central System say to each other, one JSON object a line: the fleet
/// writes a <see cref="CentralSystemStart"/> on the child's standard input and then keeps it open (closing it is the
/// stop); the child answers on its standard output with <see cref="CentralSystemMessage"/>s: where it listens, or why
/// it could not, then its log entries.
/// </summary>
public static class CentralSystemChannel
{
    /// <summary>The hidden command that runs the embedded Central System as a process of its own.</summary>
    public const string Command = "embedded-central-system";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One line of JSON.</summary>
    public static string Line<T>(T value) => JsonSerializer.Serialize(value, Json);

    /// <summary>A line back into its value; null for a line that is not one (a runtime's own output, say).</summary>
    public static T? Read<T>(string line)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How the fleet wants its Central System: where it listens (port 0 for a free one) and the cards it must accept.</summary>
public sealed record CentralSystemStart(string Url, IReadOnlyList<string> IdTags);

/// <summary>One line from the Central System's process: exactly one of its members is set.</summary>
public sealed record CentralSystemMessage
{
    /// <summary>The HTTP address it listens on (the dashboard and operator API), once it does.</summary>
    public string? Listening { get; init; }

    /// <summary>Why it could not listen (the address is taken, say); <see cref="Detail"/> has the exception in full.</summary>
    public string? CannotListen { get; init; }

    /// <summary>The exception of <see cref="CannotListen"/>, with its stack trace.</summary>
    public string? Detail { get; init; }

    /// <summary>A log entry of the Central System.</summary>
    public CentralSystemLogEntry? Log { get; init; }
}

/// <summary>A log entry of the Central System's process, with its exception as text.</summary>
public sealed record CentralSystemLogEntry(LogLevel Level, string Category, string Message, string? Exception);
