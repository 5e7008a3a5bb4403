using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.IdTags;

/// <summary>An id tag the Central System knows, with its authorization data (OCPP 1.6 §3.5, IdTagInfo §7.30).</summary>
/// <param name="IdTag">The tag (CiString20; compared case-insensitively, as CiString is).</param>
/// <param name="Status">Accepted, Blocked, Expired or Invalid as set by the operator.</param>
/// <param name="ExpiryDate">When it stops being valid.</param>
/// <param name="ParentIdTag">Its group id tag, if any.</param>
public sealed record IdTagRecord(string IdTag, AuthorizationStatus Status, DateTimeOffset? ExpiryDate, string? ParentIdTag);
