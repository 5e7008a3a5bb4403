using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>Authorize.req (OCPP 1.6 §6.1): the charge point asks whether an identifier may charge.</summary>
public sealed record AuthorizeRequest : IOcppRequest<AuthorizeRequest, AuthorizeResponse>
{
    /// <inheritdoc/>
    public static string Action => "Authorize";

    /// <summary>The identifier to authorize, an IdToken (§7.28).</summary>
    [CiString(20)]
    public required string IdTag { get; init; }
}

/// <summary>Authorize.conf (OCPP 1.6 §6.2).</summary>
public sealed record AuthorizeResponse : IOcppResponse
{
    /// <summary>The identifier's status, expiry and parent.</summary>
    public required IdTagInfo IdTagInfo { get; init; }
}
