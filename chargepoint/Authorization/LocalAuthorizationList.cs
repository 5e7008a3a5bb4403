using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Authorization;

/// <summary>
/// The local authorization list (OCPP 1.6 §3.5.3, §5.15): a versioned list the Central System manages
/// with SendLocalList. Version 0 means empty (OCTT TC_042_2).
/// </summary>
public sealed class LocalAuthorizationList
{
    private readonly Dictionary<string, IdTagInfo> entries = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock sync = new();
    private int version;

    /// <summary>When true, the next update fails (OCTT TC_043_3).</summary>
    public bool FailNextUpdate { get; set; }

    /// <summary>The version reported by GetLocalListVersion: 0 while the list is empty.</summary>
    public int Version
    {
        get
        {
            lock (sync)
            {
                return entries.Count == 0 ? 0 : version;
            }
        }
    }

    public IdTagInfo? Find(string idTag)
    {
        lock (sync)
        {
            return entries.GetValueOrDefault(idTag);
        }
    }

    /// <summary>Applies a SendLocalList update (OCPP 1.6 §5.15).</summary>
    public UpdateStatus Apply(UpdateType type, int listVersion, IReadOnlyList<AuthorizationData>? list, int maxLength)
    {
        if (FailNextUpdate)
        {
            FailNextUpdate = false;
            return UpdateStatus.Failed;
        }

        lock (sync)
        {
            var items = list ?? [];
            if (type == UpdateType.Differential && listVersion <= version)
            {
                return UpdateStatus.VersionMismatch;
            }

            var next = type == UpdateType.Full
                ? new Dictionary<string, IdTagInfo>(StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, IdTagInfo>(entries, StringComparer.OrdinalIgnoreCase);
            foreach (var item in items)
            {
                if (item.IdTagInfo is null)
                {
                    next.Remove(item.IdTag); // a differential entry without IdTagInfo deletes the IdTag
                }
                else
                {
                    next[item.IdTag] = item.IdTagInfo;
                }
            }

            if (next.Count > maxLength)
            {
                return UpdateStatus.Failed;
            }

            entries.Clear();
            foreach (var (idTag, info) in next)
            {
                entries[idTag] = info;
            }

            version = listVersion;
            return UpdateStatus.Accepted;
        }
    }
}
