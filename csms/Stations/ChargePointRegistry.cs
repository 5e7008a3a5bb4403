using System.Collections.Concurrent;

namespace OcppLab.Csms.Stations;

/// <summary>Every charge point the Central System has seen, by identity.</summary>
public sealed class ChargePointRegistry
{
    private readonly ConcurrentDictionary<string, ChargePointSession> sessions = new(StringComparer.Ordinal);

    /// <summary>The session of <paramref name="id"/>, created on first contact.</summary>
    public ChargePointSession GetOrAdd(string id) => sessions.GetOrAdd(id, static i => new ChargePointSession(i));

    /// <summary>The session of <paramref name="id"/>, or null when never seen.</summary>
    public ChargePointSession? Find(string id) => sessions.GetValueOrDefault(id);

    /// <summary>All sessions, ordered by identity.</summary>
    public IReadOnlyList<ChargePointSession> All() => [.. sessions.Values.OrderBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>How many sessions exist.</summary>
    public int Count => sessions.Count;

    /// <summary>How many stations are connected now.</summary>
    public int ConnectedCount => sessions.Values.Count(s => s.IsConnected);
}
