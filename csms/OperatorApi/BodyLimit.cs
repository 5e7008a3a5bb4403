using Microsoft.AspNetCore.Http.Metadata;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// An endpoint's own request body limit, read by <see cref="RequestBodyChecks"/>; null means the endpoint
/// streams its body and enforces a limit of its own (a firmware upload).
/// </summary>
/// <param name="bytes">The largest body read, in bytes, or null.</param>
public sealed class BodyLimit(long? bytes) : IRequestSizeLimitMetadata
{
    /// <inheritdoc/>
    public long? MaxRequestBodySize { get; } = bytes;
}
