using System.Collections.Immutable;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.LocalLists;

/// <summary>What the Central System knows of one station's Local Authorization List (OCPP 1.6 §3.5.3, §5.15).</summary>
/// <param name="ReportedVersion">The listVersion the station last reported in GetLocalListVersion.conf (-1: not supported; 0: empty).</param>
/// <param name="ReportedAt">When it reported it.</param>
/// <param name="AcceptedVersion">The listVersion of the last SendLocalList the station Accepted.</param>
/// <param name="Entries">The entries the station holds after the updates it Accepted, by id tag.</param>
/// <param name="Updates">Every SendLocalList sent, oldest first.</param>
public sealed record LocalListState(
    int? ReportedVersion,
    DateTimeOffset? ReportedAt,
    int? AcceptedVersion,
    ImmutableSortedDictionary<string, IdTagInfo> Entries,
    ImmutableList<LocalListUpdate> Updates)
{
    /// <summary>A station nothing is known of yet.</summary>
    public static LocalListState Unknown { get; } = new(null, null, null, ImmutableSortedDictionary.Create<string, IdTagInfo>(StringComparer.OrdinalIgnoreCase), []);

    /// <summary>The version the next update should carry: one above anything reported or accepted.</summary>
    public int NextVersion => Math.Max(Math.Max(ReportedVersion ?? 0, AcceptedVersion ?? 0), 0) + 1;
}

/// <summary>One SendLocalList.req sent, and the station's answer.</summary>
/// <param name="ListVersion">The version it carried.</param>
/// <param name="UpdateType">Full or Differential.</param>
/// <param name="Entries">How many entries it carried.</param>
/// <param name="Status">The answer; null when none came.</param>
/// <param name="At">When it was answered.</param>
public sealed record LocalListUpdate(int ListVersion, UpdateType UpdateType, int Entries, UpdateStatus? Status, DateTimeOffset At);
