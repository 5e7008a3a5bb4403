using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Core;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Reads configuration keys from a station with GetConfiguration (OCPP 1.6 §5.8) when the Central System
/// has not read them yet, and keeps the answer as the station's configuration. Only on an operator's
/// request: an unsolicited GetConfiguration would break OCTT's scripted sequences (SteVe's OCTT quirks).
/// </summary>
public sealed class ConfigurationReader(StationCaller caller, ChargePointRegistry registry, TimeProvider time)
{
    /// <summary>Makes sure <paramref name="keys"/> have been read; returns the problem when the station could not be asked.</summary>
    public async Task<IResult?> EnsureAsync(string chargePointId, IReadOnlyList<string> keys, HttpContext? http, CancellationToken cancellationToken)
    {
        var station = registry.Find(chargePointId);
        // A value read before the station's latest boot is read again: a reboot (a firmware update, a new
        // configuration file) may change even read-only keys, and the Central System must plan with what the station
        // holds now, not with what an earlier life of it said.
        var bootedAt = station?.LastBoot?.At;
        var missing = keys.Where(k => station is null
            || !station.Configuration.TryGetValue(k, out var entry)
            || entry.At < bootedAt).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var answer = await caller.SendAsync(chargePointId, new GetConfigurationRequest { Key = missing }, http, cancellationToken);
        if (answer.Problem is { } problem)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var response = answer.Response!;
        var read = (response.ConfigurationKey ?? []).Select(k => new ConfigurationEntry(k.Key, k.Value, k.Readonly, true, now, "GetConfiguration")).ToList();

        // A key the station neither lists nor names as unknown is recorded as unknown, so it is not asked for again.
        var unknown = missing.Where(k => !read.Any(r => string.Equals(r.Key, k, StringComparison.OrdinalIgnoreCase)))
            .Select(k => new ConfigurationEntry(k, null, false, false, now, "GetConfiguration"));
        registry.Find(chargePointId)?.RecordConfiguration(read.Concat(unknown));
        return null;
    }
}
