using System.Collections.Concurrent;

namespace OcppLab.Csms.LocalLists;

/// <summary>Local list states held in memory.</summary>
public sealed class InMemoryLocalListStore : ILocalListStore
{
    private readonly ConcurrentDictionary<string, LocalListState> states = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public LocalListState Get(string chargePointId) => states.GetValueOrDefault(chargePointId, LocalListState.Unknown);

    /// <inheritdoc/>
    public LocalListState Update(string chargePointId, Func<LocalListState, LocalListState> change) =>
        states.AddOrUpdate(chargePointId, (_, c) => c(LocalListState.Unknown), (_, current, c) => c(current), change);
}
