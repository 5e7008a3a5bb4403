using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>GetInstalledCertificateStatusEnumType (Security Whitepaper ed. 3 §6.11): the answer to a GetInstalledCertificateIds.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GetInstalledCertificateStatus>))]
public enum GetInstalledCertificateStatus
{
    /// <summary>The request was processed.</summary>
    Accepted,

    /// <summary>No certificate of the requested type was found.</summary>
    NotFound,
}
