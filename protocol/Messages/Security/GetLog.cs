using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.Security;

/// <summary>GetLog.req (Security Whitepaper ed. 3 §5.9): the Central System asks the charge point to upload a log.</summary>
public sealed record GetLogRequest : IOcppRequest<GetLogRequest, GetLogResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetLog";

    /// <summary>Which log entries to upload, and where to.</summary>
    public required LogParameters Log { get; init; }

    /// <summary>Which log to upload.</summary>
    public required LogType LogType { get; init; }

    /// <summary>The id of this request, echoed in LogStatusNotification.</summary>
    public required int RequestId { get; init; }

    /// <summary>How many upload attempts to make before giving up; the charge point decides when absent.</summary>
    public int? Retries { get; init; }

    /// <summary>Seconds to wait between attempts; the charge point decides when absent.</summary>
    public int? RetryInterval { get; init; }
}

/// <summary>GetLog.conf (Security Whitepaper ed. 3 §5.10).</summary>
public sealed record GetLogResponse : IOcppResponse
{
    /// <summary>Whether the charge point accepts the request.</summary>
    public required LogStatus Status { get; init; }

    /// <summary>The name of the file that will be uploaded (wire name <c>filename</c>); absent when there is nothing to upload.</summary>
    [MaxLength(255)]
    public string? Filename { get; init; }
}
