using System.Collections.Immutable;
using OcppLab.Csms.LocalLists;
using OcppLab.Csms.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Persistence;

/// <summary>A <see cref="LocalListState"/> as stored: its entries as a plain map (the in-memory one compares tags ignoring case).</summary>
internal sealed record StoredLocalList(
    int? ReportedVersion,
    DateTimeOffset? ReportedAt,
    int? AcceptedVersion,
    Dictionary<string, IdTagInfo> Entries,
    List<LocalListUpdate> Updates)
{
    public static StoredLocalList From(LocalListState state) =>
        new(state.ReportedVersion, state.ReportedAt, state.AcceptedVersion, new Dictionary<string, IdTagInfo>(state.Entries, StringComparer.Ordinal), [.. state.Updates]);

    public LocalListState ToState() => new(
        ReportedVersion,
        ReportedAt,
        AcceptedVersion,
        LocalListState.Unknown.Entries.AddRange(Entries),
        [.. Updates]);
}

/// <summary>A <see cref="StationSecurity"/> as stored: the AuthorizationKey in its hex form.</summary>
internal sealed record StoredStationSecurity(int Profile, string? KeyHex, int? PendingProfile)
{
    public static StoredStationSecurity From(StationSecurity security) => new(security.Profile, security.Key?.Hex, security.PendingProfile);

    public StationSecurity ToSecurity(string chargePointId)
    {
        AuthorizationKey? key = null;
        if (KeyHex is { } hex && !AuthorizationKey.TryParse(hex, out key, out var problem))
        {
            throw new InvalidOperationException($"The stored AuthorizationKey of '{chargePointId}' is unusable: {problem}");
        }

        return new StationSecurity(Profile, key, PendingProfile);
    }
}
