using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>GenericStatusEnumType (Security Whitepaper ed. 3 §6.10): a plain accept or reject, used by SignCertificate.conf.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GenericStatus>))]
public enum GenericStatus
{
    /// <summary>The request is accepted and will be processed.</summary>
    Accepted,

    /// <summary>The request is refused.</summary>
    Rejected,
}
