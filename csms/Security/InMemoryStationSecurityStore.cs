using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OcppLab.Csms.Security;

/// <summary>The stations' security in memory, seeded from <c>Csms:ChargePoints</c>.</summary>
public sealed class InMemoryStationSecurityStore : IStationSecurityStore
{
    private readonly ConcurrentDictionary<string, StationSecurity> stations = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<CsmsSecurityOptions> options;

    /// <summary>Seeds the store from configuration; a bad key stops the start with its reason.</summary>
    public InMemoryStationSecurityStore(IOptionsMonitor<CsmsSecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        foreach (var seed in options.CurrentValue.ChargePoints.Where(c => c.SecurityProfile is not null || c.AuthorizationKey is not null))
        {
            AuthorizationKey? key = null;
            if (seed.AuthorizationKey is { } text && !AuthorizationKey.TryParse(text, out key, out var problem))
            {
                throw new InvalidOperationException($"Csms:ChargePoints '{seed.Id}': {problem}");
            }

            stations[seed.Id] = new StationSecurity(seed.SecurityProfile ?? options.CurrentValue.Security.DefaultSecurityProfile, key);
        }
    }

    /// <inheritdoc/>
    public StationSecurity? Find(string chargePointId) => stations.GetValueOrDefault(chargePointId);

    /// <inheritdoc/>
    public void Set(string chargePointId, StationSecurity security) => stations[chargePointId] = security;

    /// <inheritdoc/>
    public StationSecurity Update(string chargePointId, Func<StationSecurity, StationSecurity> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var fallback = new StationSecurity(options.CurrentValue.Security.DefaultSecurityProfile, null);
        return stations.AddOrUpdate(chargePointId, _ => change(fallback), (_, current) => change(current));
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, StationSecurity> All() => new Dictionary<string, StationSecurity>(stations, StringComparer.Ordinal);
}
