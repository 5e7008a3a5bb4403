using System.Collections.Concurrent;

namespace OcppLab.Csms.Security;

/// <summary>Every station's <see cref="SecurityRecords"/>, kept across its connections.</summary>
public sealed class SecurityRecordStore
{
    private readonly ConcurrentDictionary<string, SecurityRecords> stations = new(StringComparer.Ordinal);

    /// <summary>The records of <paramref name="chargePointId"/>, created on first use.</summary>
    public SecurityRecords For(string chargePointId) => stations.GetOrAdd(chargePointId, static _ => new SecurityRecords());

    /// <summary>The records of <paramref name="chargePointId"/>, or null when it reported nothing.</summary>
    public SecurityRecords? Find(string chargePointId) => stations.GetValueOrDefault(chargePointId);
}
