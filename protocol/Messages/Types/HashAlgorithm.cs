using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>HashAlgorithmEnumType (Security Whitepaper ed. 3 §6.12): the algorithm of the hashes in a CertificateHashData.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<HashAlgorithm>))]
public enum HashAlgorithm
{
    /// <summary>SHA-256.</summary>
    SHA256,

    /// <summary>SHA-384.</summary>
    SHA384,

    /// <summary>SHA-512.</summary>
    SHA512,
}
