using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>GetInstalledCertificateIds.req (Security Whitepaper ed. 3 §5.7): the Central System asks which root certificates of a kind are installed.</summary>
public sealed record GetInstalledCertificateIdsRequest : IOcppRequest<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetInstalledCertificateIds";

    /// <summary>The kind of certificate asked about.</summary>
    public required CertificateUse CertificateType { get; init; }
}

/// <summary>GetInstalledCertificateIds.conf (Security Whitepaper ed. 3 §5.8).</summary>
public sealed record GetInstalledCertificateIdsResponse : IOcppResponse
{
    /// <summary>One entry per installed certificate of that kind; when present, at least one.</summary>
    [MinItems(1)]
    public IReadOnlyList<CertificateHashData>? CertificateHashData { get; init; }

    /// <summary>Whether certificates of that kind were found.</summary>
    public required GetInstalledCertificateStatus Status { get; init; }
}
