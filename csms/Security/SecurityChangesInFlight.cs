using System.Collections.Concurrent;

namespace OcppLab.Csms.Security;

/// <summary>
/// ChangeConfiguration(AuthorizationKey | SecurityProfile) calls sent and not yet answered, per station. A
/// station may answer Accepted and reconnect at once (TC_073 step 2); its upgrade must be judged after that
/// answer is read, not before.
/// </summary>
public sealed class SecurityChangesInFlight
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> stations = new(StringComparer.Ordinal);

    /// <summary>Notes that <paramref name="messageId"/> carries a security change to <paramref name="chargePointId"/>.</summary>
    public void Sent(string chargePointId, string messageId) =>
        stations.GetOrAdd(chargePointId, static _ => new ConcurrentDictionary<string, byte>(StringComparer.Ordinal))[messageId] = 0;

    /// <summary>Notes that the answer to <paramref name="messageId"/> was read.</summary>
    public void Settled(string chargePointId, string messageId)
    {
        if (stations.TryGetValue(chargePointId, out var calls))
        {
            calls.TryRemove(messageId, out _);
        }
    }

    /// <summary>Whether a change to <paramref name="chargePointId"/> waits for its answer.</summary>
    public bool Any(string chargePointId) => stations.TryGetValue(chargePointId, out var calls) && !calls.IsEmpty;

    /// <summary>Forgets the changes of <paramref name="chargePointId"/> whose connection ended unanswered.</summary>
    public void Forget(string chargePointId) => stations.TryRemove(chargePointId, out _);
}
