using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Authorization;

/// <summary>
/// The authorization cache (OCPP 1.6 §3.5.2): the last IdTagInfo learnt for each IdTag from
/// Authorize.conf, StartTransaction.conf and StopTransaction.conf. Cleared by ClearCache.
/// </summary>
public sealed class AuthorizationCache
{
    private readonly Dictionary<string, IdTagInfo> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock sync = new();

    public int Count
    {
        get
        {
            lock (sync)
            {
                return entries.Count;
            }
        }
    }

    public void Update(string idTag, IdTagInfo info)
    {
        lock (sync)
        {
            entries[idTag] = info;
        }
    }

    public IdTagInfo? Find(string idTag)
    {
        lock (sync)
        {
            return entries.GetValueOrDefault(idTag);
        }
    }

    public void Clear()
    {
        lock (sync)
        {
            entries.Clear();
        }
    }
}
