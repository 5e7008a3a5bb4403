using System.Globalization;
using System.Text;

namespace OcppLab.ChargePoint.Security;

/// <summary>One entry of the security log.</summary>
/// <param name="Timestamp">When the event happened (the charge point's clock).</param>
/// <param name="Type">A <see cref="SecurityEventType"/>.</param>
/// <param name="TechInfo">Free text for the operator, at most 255 characters on the wire.</param>
public sealed record SecurityLogEntry(DateTimeOffset Timestamp, string Type, string? TechInfo);

/// <summary>
/// The security log the charge point keeps (Security Whitepaper §5: every security event is logged, and
/// GetLog(SecurityLog) uploads it, §3.6). Bounded: the oldest entries go first.
/// </summary>
public sealed class SecurityLog
{
    private readonly List<SecurityLogEntry> entries = [];
    private readonly Lock sync = new();

    /// <summary>How many entries are kept.</summary>
    public int Capacity { get; init; } = 1000;

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<SecurityLogEntry> Entries
    {
        get
        {
            lock (sync)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Appends an entry.</summary>
    public void Add(SecurityLogEntry entry)
    {
        lock (sync)
        {
            entries.Add(entry);
            if (entries.Count > Capacity)
            {
                entries.RemoveAt(0);
            }
        }
    }

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        lock (sync)
        {
            entries.Clear();
        }
    }

    /// <summary>
    /// The log as uploaded: one line per entry (ISO 8601 time, type, tech info), restricted to the window
    /// GetLog asks for (oldestTimestamp, latestTimestamp).
    /// </summary>
    public string Render(DateTimeOffset? oldest = null, DateTimeOffset? latest = null)
    {
        var text = new StringBuilder();
        foreach (var entry in Entries.Where(e => (oldest is null || e.Timestamp >= oldest) && (latest is null || e.Timestamp <= latest)))
        {
            text.Append(entry.Timestamp.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture))
                .Append(' ').Append(entry.Type);
            if (entry.TechInfo is { Length: > 0 } info)
            {
                text.Append(' ').Append(info);
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
