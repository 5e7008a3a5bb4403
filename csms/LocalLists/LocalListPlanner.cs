using System.Collections.Immutable;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.LocalLists;

/// <summary>
/// Computes the SendLocalList.req messages that bring a station's list to the wanted entries
/// (OCPP 1.6 §5.15). A Full update carries every wanted entry, each with its idTagInfo; a Differential
/// one carries added or changed entries with idTagInfo and removed ones without (which deletes them).
/// When more entries must go than the station takes in one message (SendLocalListMaxLength), the update
/// is split: the first message keeps the update type, the rest are Differential additions, and each
/// message carries the next listVersion so the station's version always names what it holds.
/// </summary>
public static class LocalListPlanner
{
    /// <summary>The messages, in sending order; none for a Differential update with nothing to change.</summary>
    /// <param name="updateType">Full or Differential.</param>
    /// <param name="held">What the station holds now (used by Differential).</param>
    /// <param name="wanted">What it should hold, by id tag.</param>
    /// <param name="firstVersion">The listVersion of the first message.</param>
    /// <param name="maxPerMessage">SendLocalListMaxLength; null when the station gave none.</param>
    public static IReadOnlyList<SendLocalListRequest> Plan(
        UpdateType updateType,
        IReadOnlyDictionary<string, IdTagInfo> held,
        IReadOnlyDictionary<string, IdTagInfo> wanted,
        int firstVersion,
        int? maxPerMessage)
    {
        // Stryker disable once Statement : guard of a non-nullable parameter every caller fills; a null would fail at its first use instead, no message differs
        ArgumentNullException.ThrowIfNull(held);
        // Stryker disable once Statement : guard of a non-nullable parameter every caller fills; a null would fail at its first use instead, no message differs
        ArgumentNullException.ThrowIfNull(wanted);
        // Stryker disable once Linq : the order of localAuthorizationList carries no meaning (OCPP 1.6 §5.15); sorting only makes the messages the same from run to run
        var entries = updateType == UpdateType.Full
            ? [.. wanted.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase).Select(e => new AuthorizationData { IdTag = e.Key, IdTagInfo = e.Value })]
            : Differences(held, wanted);
        if (updateType == UpdateType.Differential && entries.Count == 0)
        {
            return [];
        }

        var size = maxPerMessage is > 0 ? maxPerMessage.Value : int.MaxValue;
        var chunks = entries.Count == 0 ? [[]] : entries.Chunk(size).ToList();
        return [.. chunks.Select((chunk, i) => new SendLocalListRequest
        {
            ListVersion = firstVersion + i,
            UpdateType = i == 0 ? updateType : UpdateType.Differential,
            LocalAuthorizationList = chunk,
        })];
    }

    /// <summary>The entries a station holds after it Accepted <paramref name="update"/>.</summary>
    public static ImmutableSortedDictionary<string, IdTagInfo> Apply(ImmutableSortedDictionary<string, IdTagInfo> held, SendLocalListRequest update)
    {
        // Stryker disable once Statement : guard of a non-nullable parameter every caller fills; a null would fail at its first use instead, no message differs
        ArgumentNullException.ThrowIfNull(held);
        // Stryker disable once Statement : guard of a non-nullable parameter every caller fills; a null would fail at its first use instead, no message differs
        ArgumentNullException.ThrowIfNull(update);
        var result = update.UpdateType == UpdateType.Full ? held.Clear() : held;
        foreach (var entry in update.LocalAuthorizationList ?? [])
        {
            result = entry.IdTagInfo is null ? result.Remove(entry.IdTag) : result.SetItem(entry.IdTag, entry.IdTagInfo);
        }

        return result;
    }

    private static List<AuthorizationData> Differences(IReadOnlyDictionary<string, IdTagInfo> held, IReadOnlyDictionary<string, IdTagInfo> wanted)
    {
        var changed = wanted
            .Where(e => !held.TryGetValue(e.Key, out var current) || current != e.Value)
            .Select(e => new AuthorizationData { IdTag = e.Key, IdTagInfo = e.Value });
        var removed = held.Keys
            .Where(tag => !wanted.ContainsKey(tag))
            .Select(tag => new AuthorizationData { IdTag = tag });
        var all = changed.Concat(removed);
        // Stryker disable once Linq : the order of localAuthorizationList carries no meaning (OCPP 1.6 §5.15); sorting only makes the messages the same from run to run
        return [.. all.OrderBy(e => e.IdTag, StringComparer.OrdinalIgnoreCase)];
    }
}
