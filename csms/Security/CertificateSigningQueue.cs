using System.Collections.Concurrent;

namespace OcppLab.Csms.Security;

/// <summary>
/// Certificates signed for a station, waiting for its SignCertificate.conf to leave: CertificateSigned
/// follows the Accepted answer (Security Whitepaper ed. 3 §3.3.1, steps 3–4), never overtakes it.
/// </summary>
public sealed class CertificateSigningQueue
{
    private readonly ConcurrentDictionary<string, string> waiting = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="chain"/> for <paramref name="chargePointId"/> (a newer CSR replaces an older one).</summary>
    public void Put(string chargePointId, string chain) => waiting[chargePointId] = chain;

    /// <summary>Takes the chain waiting for <paramref name="chargePointId"/>, if any.</summary>
    public bool TryTake(string chargePointId, out string? chain) => waiting.TryRemove(chargePointId, out chain);
}
