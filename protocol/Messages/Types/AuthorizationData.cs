using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>AuthorizationData (OCPP 1.6 §7.1): one entry of a local authorization list update.</summary>
public sealed record AuthorizationData
{
    /// <summary>The identifier the entry is about, an IdToken (§7.28).</summary>
    [CiString(20)]
    public required string IdTag { get; init; }

    /// <summary>
    /// Its status, expiry and parent. Needed for a full update; in a differential update its absence
    /// removes the identifier from the list.
    /// </summary>
    public IdTagInfo? IdTagInfo { get; init; }
}
