using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>LogParametersType (Security Whitepaper ed. 3 §6.14): which log entries to upload, and where to.</summary>
public sealed record LogParameters
{
    /// <summary>URL the log is uploaded to.</summary>
    [MaxLength(512)]
    public required string RemoteLocation { get; init; }

    /// <summary>The oldest entries to include.</summary>
    public DateTimeOffset? OldestTimestamp { get; init; }

    /// <summary>The latest entries to include.</summary>
    public DateTimeOffset? LatestTimestamp { get; init; }
}
