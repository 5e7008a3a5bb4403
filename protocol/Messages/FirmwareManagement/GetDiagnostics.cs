using OcppLab.Protocol.Validation;

namespace OcppLab.Protocol.Messages.FirmwareManagement;

/// <summary>GetDiagnostics.req (OCPP 1.6 §6.25): the Central System asks the charge point to upload diagnostics.</summary>
public sealed record GetDiagnosticsRequest : IOcppRequest<GetDiagnosticsRequest, GetDiagnosticsResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetDiagnostics";

    /// <summary>URI of the directory to upload the diagnostics file to (schema format "uri").</summary>
    public required string Location { get; init; }

    /// <summary>How many upload attempts to make before giving up; the charge point decides when absent.</summary>
    public int? Retries { get; init; }

    /// <summary>Seconds to wait between attempts; the charge point decides when absent.</summary>
    public int? RetryInterval { get; init; }

    /// <summary>The oldest log entries to include.</summary>
    public DateTimeOffset? StartTime { get; init; }

    /// <summary>The latest log entries to include.</summary>
    public DateTimeOffset? StopTime { get; init; }
}

/// <summary>GetDiagnostics.conf (OCPP 1.6 §6.26).</summary>
public sealed record GetDiagnosticsResponse : IOcppResponse
{
    /// <summary>The name of the file that will be uploaded; absent when there is no diagnostic information.</summary>
    [CiString(255)]
    public string? FileName { get; init; }
}
