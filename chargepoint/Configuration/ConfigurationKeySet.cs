using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace OcppLab.ChargePoint.Configuration;

/// <summary>
/// The configuration keys a kind of charge point has, with their definitions: immutable, so that every
/// charge point of a fleet shares one set instead of holding its own copy of some forty definitions.
/// </summary>
public sealed class ConfigurationKeySet
{
    private static readonly ConcurrentDictionary<int, ConfigurationKeySet> Standard = new();

    /// <summary>Builds the set from <paramref name="keys"/>; a later key of the same name replaces an earlier one.</summary>
    public ConfigurationKeySet(IEnumerable<ConfigurationKeyDefinition> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byName = new Dictionary<string, ConfigurationKeyDefinition>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<ConfigurationKeyDefinition>();
        foreach (var key in keys)
        {
            if (byName.TryGetValue(key.Name, out var earlier))
            {
                ordered[ordered.IndexOf(earlier)] = key;
            }
            else
            {
                ordered.Add(key);
            }

            byName[key.Name] = key;
        }

        Ordered = ordered;
        ByName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The keys in their declared order.</summary>
    public IReadOnlyList<ConfigurationKeyDefinition> Ordered { get; }

    /// <summary>The keys by name, ignoring case (OCPP 1.6 §9: key names are CiString50).</summary>
    public FrozenDictionary<string, ConfigurationKeyDefinition> ByName { get; }

    /// <summary>The standard keys of a charge point with <paramref name="numberOfConnectors"/> connectors, built once per count.</summary>
    public static ConfigurationKeySet StandardFor(int numberOfConnectors) =>
        Standard.GetOrAdd(numberOfConnectors, static n => new ConfigurationKeySet(StandardConfigurationKeys.Definitions(n)));
}
