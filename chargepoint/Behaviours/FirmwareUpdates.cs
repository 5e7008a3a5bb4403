using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The Firmware Management profile (OCPP 1.6 §4.4, §4.5, §5.9, §5.19): UpdateFirmware downloads over HTTP,
/// installs, reboots and reports Installed after the new boot; GetDiagnostics uploads a log file over HTTP PUT.
/// Both honour retries and retryInterval.
/// </summary>
internal sealed class FirmwareUpdates(ChargePointContext context, FileTransferClient files)
{
    private bool reportInstalledAfterBoot;

    /// <summary>The firmware status last reported.</summary>
    public FirmwareStatus FirmwareStatus { get; private set; } = FirmwareStatus.Idle;

    /// <summary>The diagnostics status last reported.</summary>
    public DiagnosticsStatus DiagnosticsStatus { get; private set; } = DiagnosticsStatus.Idle;

    public UpdateFirmwareResponse OnUpdateFirmware(UpdateFirmwareRequest request)
    {
        context.AfterResponse(() => _ = UpdateFirmwareAsync(request));
        return new();
    }

    public GetDiagnosticsResponse OnGetDiagnostics(GetDiagnosticsRequest request)
    {
        var fileName = $"{context.Id}-diagnostics-{context.Now:yyyyMMddTHHmmssZ}.log";
        context.AfterResponse(() => _ = UploadDiagnosticsAsync(request, fileName));
        return new() { FileName = fileName };
    }

    /// <summary>TriggerMessage(FirmwareStatusNotification) (OCPP 1.6 §5.17).</summary>
    public void SendFirmwareStatus() => _ = context.Messages.Send(new FirmwareStatusNotificationRequest { Status = FirmwareStatus });

    /// <summary>TriggerMessage(DiagnosticsStatusNotification) (OCPP 1.6 §5.17).</summary>
    public void SendDiagnosticsStatus() => _ = context.Messages.Send(new DiagnosticsStatusNotificationRequest { Status = DiagnosticsStatus });

    /// <summary>The Central System accepted the charge point: an image installed before the reboot is reported now (OCTT TC_044_1).</summary>
    public void OnRegistered()
    {
        if (reportInstalledAfterBoot)
        {
            reportInstalledAfterBoot = false;
            SetFirmwareStatus(FirmwareStatus.Installed);
        }
    }

    private async Task UpdateFirmwareAsync(UpdateFirmwareRequest request)
    {
        try
        {
            await files.DelayAsync(request.RetrieveDate - context.Now);
            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            byte[]? image = null;
            for (var attempt = 1; attempt <= attempts && image is null; attempt++)
            {
                SetFirmwareStatus(FirmwareStatus.Downloading);
                image = await files.TryDownloadAsync(request.Location);
                if (image is null && attempt < attempts)
                {
                    await files.DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            if (image is null)
            {
                SetFirmwareStatus(FirmwareStatus.DownloadFailed);
                return;
            }

            SetFirmwareStatus(FirmwareStatus.Downloaded);
            SetFirmwareStatus(FirmwareStatus.Installing);
            if (!files.Installer(image))
            {
                SetFirmwareStatus(FirmwareStatus.InstallationFailed);
                return;
            }

            context.FirmwareVersion = files.VersionOf(request.Location);
            reportInstalledAfterBoot = true;

            // Installing needs a reboot; Installed is reported after the new BootNotification (OCTT TC_044_1).
            await context.Reboot(Reason.Reboot);
        }
        catch (OperationCanceledException) when (files.Lifetime.IsCancellationRequested)
        {
        }
    }

    private async Task UploadDiagnosticsAsync(GetDiagnosticsRequest request, string fileName)
    {
        try
        {
            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                SetDiagnosticsStatus(DiagnosticsStatus.Uploading);
                if (await files.TryUploadAsync(request.Location, fileName, files.DiagnosticsText()))
                {
                    SetDiagnosticsStatus(DiagnosticsStatus.Uploaded);
                    return;
                }

                if (attempt < attempts)
                {
                    await files.DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            SetDiagnosticsStatus(DiagnosticsStatus.UploadFailed);
        }
        catch (OperationCanceledException) when (files.Lifetime.IsCancellationRequested)
        {
        }
    }

    private void SetFirmwareStatus(FirmwareStatus status)
    {
        FirmwareStatus = status;
        SendFirmwareStatus();
    }

    private void SetDiagnosticsStatus(DiagnosticsStatus status)
    {
        DiagnosticsStatus = status;
        SendDiagnosticsStatus();
    }
}
