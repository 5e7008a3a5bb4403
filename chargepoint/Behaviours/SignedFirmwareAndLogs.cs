using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// GetLog with LogStatusNotification (Security Whitepaper §3.6) and the signed firmware update with
/// SignedFirmwareStatusNotification (§3.5): the signing certificate must chain to an installed
/// ManufacturerRootCertificate, and the image's signature must verify before it is installed.
/// </summary>
internal sealed class SignedFirmwareAndLogs(ChargePointContext context, FileTransferClient files, SecurityEvents security, CertificateStore certificates)
{
    private int? logRequestId;
    private CancellationTokenSource? logUpload;
    private int? firmwareRequestId;
    private CancellationTokenSource? firmwareUpdate;
    private bool reportInstalledAfterBoot;

    /// <summary>The LogStatusNotification status last reported.</summary>
    public UploadLogStatus LogStatus { get; private set; } = UploadLogStatus.Idle;

    /// <summary>The SignedFirmwareStatusNotification status last reported.</summary>
    public SignedFirmwareStatus SignedFirmwareStatus { get; private set; } = SignedFirmwareStatus.Idle;

    public GetLogResponse OnGetLog(GetLogRequest request)
    {
        var kind = request.LogType == LogType.SecurityLog ? "security" : "diagnostics";
        var fileName = $"{context.Id}-{kind}-{context.Now:yyyyMMddTHHmmssZ}.log";
        var upload = new CancellationTokenSource();
        var previous = logUpload;
        logUpload = upload;

        // §3.6: a new request cancels the upload in progress, and the answer says so.
        previous?.Cancel();
        context.AfterResponse(() => _ = UploadLogAsync(request, fileName, upload.Token));
        return new() { Status = previous is null ? Protocol.Messages.Types.LogStatus.Accepted : Protocol.Messages.Types.LogStatus.AcceptedCanceled, Filename = fileName };
    }

    public SignedUpdateFirmwareResponse OnSignedUpdateFirmware(SignedUpdateFirmwareRequest request)
    {
        var chain = CertificateChecks.ParsePemChain(request.Firmware.SigningCertificate);
        var trusted = chain.Count > 0
            && CertificateChecks.ChainsTo(chain[0], chain.Skip(1), certificates.Roots(CertificateUse.ManufacturerRootCertificate), context.Now);
        if (!trusted)
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }

            // §3.5: a signing certificate that does not verify refuses the update and is reported.
            context.AfterResponse(() => security.Log(SecurityEventType.InvalidFirmwareSigningCertificate, "the signing certificate does not chain to a ManufacturerRootCertificate", notify: true));
            return new() { Status = UpdateFirmwareStatus.InvalidCertificate };
        }

        var update = new CancellationTokenSource();
        var previous = firmwareUpdate;
        firmwareUpdate = update;
        previous?.Cancel();
        context.AfterResponse(() => _ = SignedFirmwareAsync(request, chain, update.Token));
        return new() { Status = previous is null ? UpdateFirmwareStatus.Accepted : UpdateFirmwareStatus.AcceptedCanceled };
    }

    /// <summary>On ExtendedTriggerMessage: Uploading with its requestId while an upload runs, otherwise Idle (§3.7).</summary>
    public void SendLogStatus()
    {
        LogStatusNotificationRequest report = LogStatus == UploadLogStatus.Uploading
            ? new() { Status = UploadLogStatus.Uploading, RequestId = logRequestId }
            : new() { Status = UploadLogStatus.Idle };
        _ = context.Messages.Send(report);
    }

    /// <summary>The current signed firmware status; Idle when no update is in progress (§3.7 ExtendedTriggerMessage).</summary>
    public void SendSignedFirmwareStatus()
    {
        var status = SignedFirmwareStatus;
        int? requestId = status == SignedFirmwareStatus.Idle ? null : firmwareRequestId;
        _ = context.Messages.Send(new SignedFirmwareStatusNotificationRequest { Status = status, RequestId = requestId });
    }

    /// <summary>After the BootNotification that follows an installation: Installed and FirmwareUpdated (OCTT TC_080 steps 5-8).</summary>
    public void OnBooted()
    {
        if (!reportInstalledAfterBoot)
        {
            return;
        }

        reportInstalledAfterBoot = false;
        SetStatus(SignedFirmwareStatus.Installed, firmwareRequestId ?? 0, CancellationToken.None);
        security.Log(SecurityEventType.FirmwareUpdated, context.FirmwareVersion, notify: true);
    }

    private async Task UploadLogAsync(GetLogRequest request, string fileName, CancellationToken canceled)
    {
        try
        {
            var text = request.LogType == LogType.SecurityLog
                ? security.Entries.Render(request.Log.OldestTimestamp, request.Log.LatestTimestamp)
                : files.DiagnosticsText();
            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                SetLogStatus(UploadLogStatus.Uploading, request.RequestId, canceled);
                if (await files.TryUploadAsync(request.Log.RemoteLocation, fileName, text))
                {
                    SetLogStatus(UploadLogStatus.Uploaded, request.RequestId, canceled);
                    return;
                }

                if (attempt < attempts)
                {
                    await files.DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            SetLogStatus(UploadLogStatus.UploadFailure, request.RequestId, canceled);
        }
        catch (OperationCanceledException) when (files.Lifetime.IsCancellationRequested)
        {
        }
    }

    private void SetLogStatus(UploadLogStatus status, int requestId, CancellationToken canceled)
    {
        if (canceled.IsCancellationRequested)
        {
            return;
        }

        LogStatus = status;
        logRequestId = requestId;
        _ = context.Messages.Send(new LogStatusNotificationRequest { Status = status, RequestId = requestId });
    }

    private async Task SignedFirmwareAsync(SignedUpdateFirmwareRequest request, IReadOnlyList<X509Certificate2> chain, CancellationToken canceled)
    {
        try
        {
            var firmware = request.Firmware;
            if (firmware.RetrieveDateTime > context.Now)
            {
                SetStatus(SignedFirmwareStatus.DownloadScheduled, request.RequestId, canceled);
                await files.DelayAsync(firmware.RetrieveDateTime - context.Now);
            }

            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            byte[]? image = null;
            for (var attempt = 1; attempt <= attempts && image is null && !canceled.IsCancellationRequested; attempt++)
            {
                SetStatus(SignedFirmwareStatus.Downloading, request.RequestId, canceled);
                image = await files.TryDownloadAsync(firmware.Location);
                if (image is null && attempt < attempts)
                {
                    await files.DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            if (image is null)
            {
                SetStatus(SignedFirmwareStatus.DownloadFailed, request.RequestId, canceled);
                return;
            }

            SetStatus(SignedFirmwareStatus.Downloaded, request.RequestId, canceled);
            if (!FirmwareSignature.Verify(image, firmware.Signature, chain[0]))
            {
                // §3.5: not installed; InvalidFirmwareSignature is logged and reported (OCTT TC_081).
                SetStatus(SignedFirmwareStatus.InvalidSignature, request.RequestId, canceled);
                security.Log(SecurityEventType.InvalidFirmwareSignature, firmware.Location, notify: true);
                return;
            }

            SetStatus(SignedFirmwareStatus.SignatureVerified, request.RequestId, canceled);
            if (firmware.InstallDateTime is { } installAt && installAt > context.Now)
            {
                SetStatus(SignedFirmwareStatus.InstallScheduled, request.RequestId, canceled);
                await files.DelayAsync(installAt - context.Now);
            }

            if (canceled.IsCancellationRequested)
            {
                return;
            }

            SetStatus(SignedFirmwareStatus.Installing, request.RequestId, canceled);
            if (!files.Installer(image))
            {
                SetStatus(SignedFirmwareStatus.InstallationFailed, request.RequestId, canceled);
                return;
            }

            context.FirmwareVersion = files.VersionOf(firmware.Location);
            reportInstalledAfterBoot = true;

            // Installed and FirmwareUpdated come after the new BootNotification (OCTT TC_080 steps 5-8).
            await context.Reboot(Reason.Reboot);
        }
        catch (OperationCanceledException) when (files.Lifetime.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }
        }
    }

    private void SetStatus(SignedFirmwareStatus status, int requestId, CancellationToken canceled)
    {
        if (canceled.IsCancellationRequested)
        {
            return;
        }

        SignedFirmwareStatus = status;
        firmwareRequestId = requestId;
        SendSignedFirmwareStatus();
    }
}
