using System.Text.Json;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Security;

namespace OcppLab.Csms.Persistence;

/// <summary>
/// Each station's security profile and AuthorizationKey in memory and in the data directory, so that a
/// station whose key or profile was changed (Security Whitepaper ed. 3 §2.2, §7.1) can still connect after
/// a restart. Stored state wins over <c>Csms:ChargePoints</c> for stations it knows.
/// </summary>
public sealed class DurableStationSecurityStore : IStationSecurityStore
{
    private const string Kind = "station-security";

    private readonly InMemoryStationSecurityStore memory;
    private readonly CsmsDatabase database;
    private readonly Lock gate = new();

    /// <summary>Seeds from configuration, then lays the stored state over it.</summary>
    public DurableStationSecurityStore(CsmsDatabase database, IOptionsMonitor<CsmsSecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        memory = new InMemoryStationSecurityStore(options);
        foreach (var (chargePointId, json) in database.Documents(Kind))
        {
            memory.Set(chargePointId, JsonSerializer.Deserialize(json, StateJsonContext.Default.StoredStationSecurity)!.ToSecurity(chargePointId));
        }
    }

    /// <inheritdoc/>
    public StationSecurity? Find(string chargePointId) => memory.Find(chargePointId);

    /// <inheritdoc/>
    public void Set(string chargePointId, StationSecurity security)
    {
        ArgumentNullException.ThrowIfNull(security);
        lock (gate)
        {
            memory.Set(chargePointId, security);
            Persist(chargePointId, security);
        }
    }

    /// <inheritdoc/>
    public StationSecurity Update(string chargePointId, Func<StationSecurity, StationSecurity> change)
    {
        lock (gate)
        {
            var security = memory.Update(chargePointId, change);
            Persist(chargePointId, security);
            return security;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, StationSecurity> All() => memory.All();

    private void Persist(string chargePointId, StationSecurity security) =>
        database.Write(changes => changes.Put(Kind, chargePointId, JsonSerializer.Serialize(StoredStationSecurity.From(security), StateJsonContext.Default.StoredStationSecurity)));
}
