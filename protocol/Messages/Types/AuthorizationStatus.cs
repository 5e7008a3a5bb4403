using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>AuthorizationStatus (OCPP 1.6 §7.2): whether an identifier may charge.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AuthorizationStatus>))]
public enum AuthorizationStatus
{
    /// <summary>The identifier may charge.</summary>
    Accepted,

    /// <summary>The identifier is blocked and may not charge.</summary>
    Blocked,

    /// <summary>The identifier has expired and may not charge.</summary>
    Expired,

    /// <summary>The identifier is not known and may not charge.</summary>
    Invalid,

    /// <summary>The identifier is already used in another transaction and concurrent ones are not allowed (StartTransaction only).</summary>
    ConcurrentTx,
}
