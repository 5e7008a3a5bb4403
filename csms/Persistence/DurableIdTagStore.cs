using System.Text.Json;
using OcppLab.Csms.IdTags;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// Id tags in memory and in the data directory. Tags from configuration are added on each start when the
/// directory does not hold them yet; a tag edited or removed through the operator API keeps its stored
/// state, except that a removed tag still listed in configuration comes back at the next start.
/// </summary>
public sealed class DurableIdTagStore : IIdTagStore
{
    private const string Kind = "id-tag";

    private readonly InMemoryIdTagStore memory;
    private readonly CsmsDatabase database;
    private readonly Lock gate = new();

    /// <summary>Loads the stored tags and adds those of <paramref name="seed"/> not stored yet.</summary>
    public DurableIdTagStore(CsmsDatabase database, IEnumerable<IdTagRecord> seed)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(seed);
        this.database = database;
        memory = new InMemoryIdTagStore(database.Documents(Kind).Select(d => JsonSerializer.Deserialize(d.Json, StateJsonContext.Default.IdTagRecord)!));
        foreach (var record in seed.Where(s => memory.Find(s.IdTag) is null))
        {
            Upsert(record);
        }
    }

    /// <inheritdoc/>
    public IdTagRecord? Find(string idTag) => memory.Find(idTag);

    /// <inheritdoc/>
    public IReadOnlyList<IdTagRecord> All() => memory.All();

    /// <inheritdoc/>
    public void Upsert(IdTagRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            memory.Upsert(record);
            database.Write(changes => changes.Put(Kind, Key(record.IdTag), JsonSerializer.Serialize(record, StateJsonContext.Default.IdTagRecord)));
        }
    }

    /// <inheritdoc/>
    public bool Remove(string idTag)
    {
        ArgumentNullException.ThrowIfNull(idTag);
        lock (gate)
        {
            var removed = memory.Remove(idTag);
            database.Write(changes => changes.Delete(Kind, Key(idTag)));
            return removed;
        }
    }

    // CiString: one document per tag whatever its case (OCPP 1.6 §7.9).
    private static string Key(string idTag) => idTag.ToUpperInvariant();
}
