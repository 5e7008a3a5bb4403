using System.Collections.Concurrent;
using System.Text.Json;
using OcppLab.Csms.Persistence;

namespace OcppLab.Csms.Security;

/// <summary>
/// Every station's <see cref="SecurityRecords"/>, kept across its connections. With a data directory the
/// certificates signed for stations are kept across restarts too (the station holds them for a year).
/// </summary>
public sealed class SecurityRecordStore
{
    private const string CertificatesKind = "certificate-signed";

    private readonly ConcurrentDictionary<string, SecurityRecords> stations = new(StringComparer.Ordinal);
    private readonly CsmsDatabase? database;

    /// <summary>Creates the store; with <paramref name="database"/> it loads and keeps the signed certificates there.</summary>
    public SecurityRecordStore(CsmsDatabase? database = null)
    {
        this.database = database;
        if (database is null)
        {
            return;
        }

        foreach (var (chargePointId, rows) in database.Appends(CertificatesKind))
        {
            var records = new SecurityRecords(OnCertificate(chargePointId));
            records.Restore(rows.Select(r => JsonSerializer.Deserialize(r, StateJsonContext.Default.CertificateSignedRecord)!));
            stations[chargePointId] = records;
        }
    }

    /// <summary>The records of <paramref name="chargePointId"/>, created on first use.</summary>
    public SecurityRecords For(string chargePointId) => stations.GetOrAdd(chargePointId, id => new SecurityRecords(OnCertificate(id)));

    /// <summary>The records of <paramref name="chargePointId"/>, or null when it reported nothing.</summary>
    public SecurityRecords? Find(string chargePointId) => stations.GetValueOrDefault(chargePointId);

    private Action<CertificateSignedRecord>? OnCertificate(string chargePointId) =>
        database is null
            ? null
            : record => database.Write(changes => changes.Append(CertificatesKind, chargePointId, JsonSerializer.Serialize(record, StateJsonContext.Default.CertificateSignedRecord)));
}
