using System.Collections.Immutable;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Firmware;

/// <summary>An UpdateFirmware the Central System sent (OCPP 1.6 §5.19), with the statuses the station reported since (§4.5).</summary>
/// <param name="JobId">The Central System's id of the job.</param>
/// <param name="ChargePointId">The station.</param>
/// <param name="Location">The firmware URL handed to the station.</param>
/// <param name="RetrieveDate">When the station should fetch it.</param>
/// <param name="Retries">How often it may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
/// <param name="RequestedAt">When the station acknowledged the request.</param>
/// <param name="History">Every FirmwareStatusNotification since, oldest first.</param>
public sealed record FirmwareJob(
    int JobId,
    string ChargePointId,
    string Location,
    DateTimeOffset RetrieveDate,
    int? Retries,
    int? RetryInterval,
    DateTimeOffset RequestedAt,
    ImmutableList<StatusReport<FirmwareStatus>> History)
{
    /// <summary>The status last reported; null before the first.</summary>
    public FirmwareStatus? Status => History.IsEmpty ? null : History[^1].Status;

    /// <summary>Whether the station reported an end: Installed, or a download or installation failure.</summary>
    public bool IsFinished => Status is FirmwareStatus.Installed or FirmwareStatus.InstallationFailed or FirmwareStatus.DownloadFailed;
}
