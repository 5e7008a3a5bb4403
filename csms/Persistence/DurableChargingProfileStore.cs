using System.Text.Json;
using OcppLab.Csms.SmartCharging;
using OcppLab.Protocol.Messages.SmartCharging;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// The charging profiles each station holds, in memory and in the data directory: one document per station,
/// rewritten on each change (a station holds a handful of profiles; OCPP 1.6 §9.1 MaxChargingProfilesInstalled).
/// </summary>
public sealed class DurableChargingProfileStore : IChargingProfileStore
{
    private const string Kind = "charging-profiles";

    private readonly InMemoryChargingProfileStore memory = new();
    private readonly CsmsDatabase database;
    private readonly Lock gate = new();

    /// <summary>Loads what <paramref name="database"/> holds.</summary>
    public DurableChargingProfileStore(CsmsDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        foreach (var (_, json) in database.Documents(Kind))
        {
            foreach (var profile in JsonSerializer.Deserialize(json, StateJsonContext.Default.ListStoredProfile)!.OrderBy(p => p.SetAt))
            {
                memory.Set(profile);
            }
        }
    }

    /// <inheritdoc/>
    public void Set(StoredProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (gate)
        {
            memory.Set(profile);
            Persist(profile.ChargePointId);
        }
    }

    /// <inheritdoc/>
    public int Clear(string chargePointId, ClearChargingProfileRequest criteria)
    {
        lock (gate)
        {
            var cleared = memory.Clear(chargePointId, criteria);
            if (cleared > 0)
            {
                Persist(chargePointId);
            }

            return cleared;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredProfile> OfStation(string chargePointId) => memory.OfStation(chargePointId);

    private void Persist(string chargePointId)
    {
        var held = memory.OfStation(chargePointId).ToList();
        database.Write(changes =>
        {
            if (held.Count == 0)
            {
                changes.Delete(Kind, chargePointId);
            }
            else
            {
                changes.Put(Kind, chargePointId, JsonSerializer.Serialize(held, StateJsonContext.Default.ListStoredProfile));
            }
        });
    }
}
