using System.Collections.Concurrent;

namespace OcppLab.Csms.IdTags;

/// <summary>Id tags held in memory, seeded from configuration.</summary>
public sealed class InMemoryIdTagStore : IIdTagStore
{
    private readonly ConcurrentDictionary<string, IdTagRecord> tags = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the store holding <paramref name="seed"/>.</summary>
    public InMemoryIdTagStore(IEnumerable<IdTagRecord> seed)
    {
        foreach (var record in seed)
        {
            Upsert(record);
        }
    }

    /// <inheritdoc/>
    public IdTagRecord? Find(string idTag) => tags.GetValueOrDefault(idTag);

    /// <inheritdoc/>
    public IReadOnlyList<IdTagRecord> All() => [.. tags.Values.OrderBy(t => t.IdTag, StringComparer.OrdinalIgnoreCase)];

    /// <inheritdoc/>
    public void Upsert(IdTagRecord record) => tags[record.IdTag] = record;

    /// <inheritdoc/>
    public bool Remove(string idTag) => tags.TryRemove(idTag, out _);
}
