using System.Text.Json;
using OcppLab.Csms.LocalLists;

namespace OcppLab.Csms.Persistence;

/// <summary>Each station's Local Authorization List state (versions, entries, updates sent) in memory and in the data directory.</summary>
public sealed class DurableLocalListStore : ILocalListStore
{
    private const string Kind = "local-list";

    private readonly InMemoryLocalListStore memory = new();
    private readonly CsmsDatabase database;
    private readonly Lock gate = new();

    /// <summary>Loads what <paramref name="database"/> holds.</summary>
    public DurableLocalListStore(CsmsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        foreach (var (chargePointId, json) in database.Documents(Kind))
        {
            var state = JsonSerializer.Deserialize(json, StateJsonContext.Default.StoredLocalList)!.ToState();
            memory.Update(chargePointId, _ => state);
        }
    }

    /// <inheritdoc/>
    public LocalListState Get(string chargePointId) => memory.Get(chargePointId);

    /// <inheritdoc/>
    public LocalListState Update(string chargePointId, Func<LocalListState, LocalListState> change)
    {
        lock (gate)
        {
            var state = memory.Update(chargePointId, change);
            database.Write(changes => changes.Put(Kind, chargePointId, JsonSerializer.Serialize(StoredLocalList.From(state), StateJsonContext.Default.StoredLocalList)));
            return state;
        }
    }
}
