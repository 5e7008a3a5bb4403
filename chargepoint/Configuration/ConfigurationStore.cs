using System.Collections.Frozen;
using System.Globalization;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Configuration;

/// <summary>
/// The charge point's configuration keys (OCPP 1.6 §9) with their current values. Survives a simulated
/// reboot; changes are published through <see cref="Changed"/> so behaviours can re-arm their timers.
/// </summary>
public sealed class ConfigurationStore
{
    private readonly ConfigurationKeySet keys;
    private readonly FrozenDictionary<string, ConfigurationKeyDefinition> definitions;

    // Only values that differ from a key's default, or keys set that have no definition: a fleet of thousands
    // of charge points keeps few values each (bench/RESULTS.md, memory per station at the charge point end).
    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock sync = new();

    /// <summary>Creates the store from <paramref name="keys"/>, with <paramref name="overrides"/> applied over the defaults.</summary>
    public ConfigurationStore(IEnumerable<ConfigurationKeyDefinition> keys, IReadOnlyDictionary<string, string>? overrides = null)
        : this(new ConfigurationKeySet(keys), overrides)
    {
    }

    /// <summary>Creates the store over a shared <paramref name="keys"/> set, with <paramref name="overrides"/> applied over the defaults.</summary>
    public ConfigurationStore(ConfigurationKeySet keys, IReadOnlyDictionary<string, string>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(keys);
        this.keys = keys;
        definitions = keys.ByName;
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            if (definitions.ContainsKey(name))
            {
                values[name] = value;
            }
        }
    }

    /// <summary>Raised with the key name after a value changed.</summary>
    public event Action<string>? Changed;

    /// <summary>The keys in their declared order.</summary>
    public IReadOnlyList<ConfigurationKeyDefinition> Keys => keys.Ordered;

    /// <summary>The current value of <paramref name="name"/>, or null for an unknown key.</summary>
    public string? Get(string name)
    {
        lock (sync)
        {
            return ValueOf(name);
        }
    }

    /// <summary>Reads <paramref name="names"/> (all keys when empty) as GetConfiguration answers them (OCPP 1.6 §5.8).</summary>
    public (IReadOnlyList<KeyValue> Known, IReadOnlyList<string> Unknown) Read(IReadOnlyCollection<string>? names)
    {
        lock (sync)
        {
            var wanted = names is { Count: > 0 } ? names : keys.Ordered.Select(k => k.Name).ToList();
            var known = new List<KeyValue>();
            var unknown = new List<string>();
            foreach (var name in wanted)
            {
                if (definitions.TryGetValue(name, out var definition))
                {
                    known.Add(new KeyValue { Key = definition.Name, Readonly = definition.ReadOnly, Value = definition.WriteOnly ? null : ValueOf(name) });
                }
                else
                {
                    unknown.Add(name);
                }
            }

            return (known, unknown);
        }
    }

    /// <summary>Applies ChangeConfiguration (OCPP 1.6 §5.3): unknown → NotSupported, read-only or invalid → Rejected.</summary>
    public ConfigurationStatus Change(string name, string value)
    {
        ConfigurationKeyDefinition? definition;
        lock (sync)
        {
            if (!definitions.TryGetValue(name, out definition))
            {
                return ConfigurationStatus.NotSupported;
            }

            if (definition.ReadOnly || !definition.IsValid(value))
            {
                return ConfigurationStatus.Rejected;
            }

            values[name] = value;
        }

        Changed?.Invoke(definition.Name);
        return definition.RebootRequired ? ConfigurationStatus.RebootRequired : ConfigurationStatus.Accepted;
    }

    /// <summary>Sets a value from inside the charge point (e.g. HeartbeatInterval from BootNotification.conf), read-only or not.</summary>
    public void Set(string name, string value)
    {
        lock (sync)
        {
            values[name] = value;
        }

        Changed?.Invoke(name);
    }

    private string? ValueOf(string name) =>
        values.TryGetValue(name, out var value) ? value : definitions.GetValueOrDefault(name)?.DefaultValue;

    /// <summary>An integer key; <paramref name="fallback"/> when missing or unreadable.</summary>
    public int GetInt(string name, int fallback = 0) =>
        int.TryParse(Get(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    /// <summary>A boolean key; <paramref name="fallback"/> when missing or unreadable.</summary>
    public bool GetBool(string name, bool fallback = false) =>
        bool.TryParse(Get(name), out var b) ? b : fallback;

    /// <summary>A seconds key as a duration.</summary>
    public TimeSpan GetSeconds(string name, int fallback = 0) => TimeSpan.FromSeconds(GetInt(name, fallback));

    /// <summary>A measurand list key.</summary>
    public IReadOnlyList<Measurand> GetMeasurands(string name) => ConfigurationValues.ParseMeasurands(Get(name) ?? string.Empty);
}
