using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.Core;

/// <summary>ClearCache.req (OCPP 1.6 §6.11): the Central System asks the charge point to empty its authorization cache.</summary>
public sealed record ClearCacheRequest : IOcppRequest<ClearCacheRequest, ClearCacheResponse>
{
    /// <inheritdoc/>
    public static string Action => "ClearCache";
}

/// <summary>ClearCache.conf (OCPP 1.6 §6.12).</summary>
public sealed record ClearCacheResponse : IOcppResponse
{
    /// <summary>Whether the cache was cleared.</summary>
    public required ClearCacheStatus Status { get; init; }
}
