using System.Collections.Immutable;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Firmware;

/// <summary>A GetDiagnostics the Central System sent (OCPP 1.6 §5.9), with the statuses the station reported (§4.4) and the upload received.</summary>
/// <param name="JobId">The Central System's id of the job.</param>
/// <param name="ChargePointId">The station.</param>
/// <param name="Location">The upload directory handed to the station.</param>
/// <param name="StartTime">The oldest logging information asked for.</param>
/// <param name="StopTime">The newest logging information asked for.</param>
/// <param name="RequestedAt">When the station answered.</param>
/// <param name="FileName">The file name the station announced (none: no diagnostics available).</param>
/// <param name="History">Every DiagnosticsStatusNotification since, oldest first.</param>
/// <param name="UploadedBytes">The size of the file received by the Central System's upload endpoint.</param>
/// <param name="UploadedAt">When it arrived.</param>
public sealed record DiagnosticsJob(
    int JobId,
    string ChargePointId,
    string Location,
    DateTimeOffset? StartTime,
    DateTimeOffset? StopTime,
    DateTimeOffset RequestedAt,
    string? FileName,
    ImmutableList<StatusReport<DiagnosticsStatus>> History,
    long? UploadedBytes = null,
    DateTimeOffset? UploadedAt = null)
{
    /// <summary>The status last reported; null before the first.</summary>
    public DiagnosticsStatus? Status => History.IsEmpty ? null : History[^1].Status;

    /// <summary>Whether the station reported an end: Uploaded or UploadFailed.</summary>
    public bool IsFinished => Status is DiagnosticsStatus.Uploaded or DiagnosticsStatus.UploadFailed;
}
