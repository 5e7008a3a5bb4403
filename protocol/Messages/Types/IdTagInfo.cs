using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>IdTagInfo (OCPP 1.6 §7.27): what the Central System knows about an identifier.</summary>
public sealed record IdTagInfo
{
    /// <summary>When the identifier is to leave the authorization cache; no end date when absent.</summary>
    public DateTimeOffset? ExpiryDate { get; init; }

    /// <summary>The parent (group) identifier, an IdToken (§7.28).</summary>
    [CiString(20)]
    public string? ParentIdTag { get; init; }

    /// <summary>Whether the identifier is accepted.</summary>
    public required AuthorizationStatus Status { get; init; }
}
