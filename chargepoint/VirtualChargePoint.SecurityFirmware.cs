using System.Text;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>
/// GetLog with LogStatusNotification (Security Whitepaper §3.6) and the signed firmware update with
/// SignedFirmwareStatusNotification (§3.5): the signing certificate must chain to an installed
/// ManufacturerRootCertificate, and the image's signature must verify before it is installed.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private UploadLogStatus logStatus = UploadLogStatus.Idle;
    private int? logRequestId;
    private CancellationTokenSource? logUpload;
    private SignedFirmwareStatus signedFirmwareStatus = SignedFirmwareStatus.Idle;
    private int? firmwareRequestId;
    private CancellationTokenSource? firmwareUpdate;
    private bool reportSignedInstalledAfterBoot;

    /// <summary>The LogStatusNotification status last reported.</summary>
    public UploadLogStatus LogStatus => logStatus;

    /// <summary>The SignedFirmwareStatusNotification status last reported.</summary>
    public SignedFirmwareStatus SignedFirmwareStatus => signedFirmwareStatus;

    private GetLogResponse OnGetLog(GetLogRequest request)
    {
        var kind = request.LogType == LogType.SecurityLog ? "security" : "diagnostics";
        var fileName = $"{Id}-{kind}-{Now:yyyyMMddTHHmmssZ}.log";
        var upload = new CancellationTokenSource();
        CancellationTokenSource? previous;
        previous = logUpload;
        logUpload = upload;

        // §3.6: a new request cancels the upload in progress, and the answer says so.
        previous?.Cancel();
        AfterResponse(() => _ = UploadLogAsync(request, fileName, upload.Token));
        return new() { Status = previous is null ? Protocol.Messages.Types.LogStatus.Accepted : Protocol.Messages.Types.LogStatus.AcceptedCanceled, Filename = fileName };
    }

    private async Task UploadLogAsync(GetLogRequest request, string fileName, CancellationToken canceled)
    {
        try
        {
            var text = request.LogType == LogType.SecurityLog
                ? SecurityLog.Render(request.Log.OldestTimestamp, request.Log.LatestTimestamp)
                : DiagnosticsText();
            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            for (var attempt = 1; attempt <= attempts; attempt++)
            {
                SetLogStatus(UploadLogStatus.Uploading, request.RequestId, canceled);
                var target = request.Log.RemoteLocation.TrimEnd('/') + "/" + Uri.EscapeDataString(fileName);
                using var content = new StringContent(text, Encoding.UTF8, "text/plain");
                var done = await TryTransferAsync(async () =>
                {
                    using var response = await http.PutAsync(Location(target), content, lifetime.Token);
                    response.EnsureSuccessStatusCode();
                    return true;
                });
                if (done)
                {
                    SetLogStatus(UploadLogStatus.Uploaded, request.RequestId, canceled);
                    return;
                }

                if (attempt < attempts)
                {
                    await DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            SetLogStatus(UploadLogStatus.UploadFailure, request.RequestId, canceled);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
    }

    private void SetLogStatus(UploadLogStatus status, int requestId, CancellationToken canceled)
    {
        if (canceled.IsCancellationRequested)
        {
            return;
        }

        logStatus = status;
        logRequestId = requestId;

        _ = Send(new LogStatusNotificationRequest { Status = status, RequestId = requestId });
    }

    /// <summary>On ExtendedTriggerMessage: Uploading with its requestId while an upload runs, otherwise Idle (§3.7).</summary>
    private void SendLogStatus()
    {
        LogStatusNotificationRequest report;
        report = logStatus == UploadLogStatus.Uploading
            ? new() { Status = UploadLogStatus.Uploading, RequestId = logRequestId }
            : new() { Status = UploadLogStatus.Idle };

        _ = Send(report);
    }

    private SignedUpdateFirmwareResponse OnSignedUpdateFirmware(SignedUpdateFirmwareRequest request)
    {
        var chain = CertificateChecks.ParsePemChain(request.Firmware.SigningCertificate);
        var trusted = chain.Count > 0
            && CertificateChecks.ChainsTo(chain[0], chain.Skip(1), Certificates.Roots(CertificateUse.ManufacturerRootCertificate), Now);
        if (!trusted)
        {
            foreach (var certificate in chain)
            {
                certificate.Dispose();
            }

            // §3.5: a signing certificate that does not verify refuses the update and is reported.
            AfterResponse(() => LogSecurityEvent(SecurityEventType.InvalidFirmwareSigningCertificate, "the signing certificate does not chain to a ManufacturerRootCertificate", notify: true));
            return new() { Status = UpdateFirmwareStatus.InvalidCertificate };
        }

        var update = new CancellationTokenSource();
        CancellationTokenSource? previous;
        previous = firmwareUpdate;
        firmwareUpdate = update;

        previous?.Cancel();
        AfterResponse(() => _ = SignedFirmwareAsync(request, chain, update.Token));
        return new() { Status = previous is null ? UpdateFirmwareStatus.Accepted : UpdateFirmwareStatus.AcceptedCanceled };
    }

    private async Task SignedFirmwareAsync(SignedUpdateFirmwareRequest request, IReadOnlyList<System.Security.Cryptography.X509Certificates.X509Certificate2> chain, CancellationToken canceled)
    {
        try
        {
            var firmware = request.Firmware;
            if (firmware.RetrieveDateTime > Now)
            {
                SetSignedFirmwareStatus(SignedFirmwareStatus.DownloadScheduled, request.RequestId, canceled);
                await DelayAsync(firmware.RetrieveDateTime - Now);
            }

            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            byte[]? image = null;
            for (var attempt = 1; attempt <= attempts && image is null && !canceled.IsCancellationRequested; attempt++)
            {
                SetSignedFirmwareStatus(SignedFirmwareStatus.Downloading, request.RequestId, canceled);
                image = await TryTransferAsync(() => http.GetByteArrayAsync(Location(firmware.Location), lifetime.Token));
                if (image is null && attempt < attempts)
                {
                    await DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            if (image is null)
            {
                SetSignedFirmwareStatus(SignedFirmwareStatus.DownloadFailed, request.RequestId, canceled);
                return;
            }

            SetSignedFirmwareStatus(SignedFirmwareStatus.Downloaded, request.RequestId, canceled);
            if (!FirmwareSignature.Verify(image, firmware.Signature, chain[0]))
            {
                // §3.5: not installed; InvalidFirmwareSignature is logged and reported (OCTT TC_081).
                SetSignedFirmwareStatus(SignedFirmwareStatus.InvalidSignature, request.RequestId, canceled);
                LogSecurityEvent(SecurityEventType.InvalidFirmwareSignature, firmware.Location, notify: true);
                return;
            }

            SetSignedFirmwareStatus(SignedFirmwareStatus.SignatureVerified, request.RequestId, canceled);
            if (firmware.InstallDateTime is { } installAt && installAt > Now)
            {
                SetSignedFirmwareStatus(SignedFirmwareStatus.InstallScheduled, request.RequestId, canceled);
                await DelayAsync(installAt - Now);
            }

            if (canceled.IsCancellationRequested)
            {
                return;
            }

            SetSignedFirmwareStatus(SignedFirmwareStatus.Installing, request.RequestId, canceled);
            if (!FirmwareInstaller(image))
            {
                SetSignedFirmwareStatus(SignedFirmwareStatus.InstallationFailed, request.RequestId, canceled);
                return;
            }

            firmwareVersion = Path.GetFileNameWithoutExtension(new Uri(firmware.Location).AbsolutePath) is { Length: > 0 and <= 50 } name ? name : Template.FirmwareVersion;
            reportSignedInstalledAfterBoot = true;

            // Installed and FirmwareUpdated come after the new BootNotification (OCTT TC_080 steps 5-8).
            await RebootAsync(Reason.Reboot);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
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

    private void SetSignedFirmwareStatus(SignedFirmwareStatus status, int requestId, CancellationToken canceled)
    {
        if (canceled.IsCancellationRequested)
        {
            return;
        }

        signedFirmwareStatus = status;
        firmwareRequestId = requestId;

        SendSignedFirmwareStatus();
    }

    /// <summary>The current signed firmware status; Idle when no update is in progress (§3.7 ExtendedTriggerMessage).</summary>
    private void SendSignedFirmwareStatus()
    {
        SignedFirmwareStatus status;
        int? requestId;
        status = signedFirmwareStatus;
        requestId = status == SignedFirmwareStatus.Idle ? null : firmwareRequestId;

        _ = Send(new SignedFirmwareStatusNotificationRequest { Status = status, RequestId = requestId });
    }

    private void OnSignedFirmwareBooted()
    {
        bool report;
        int? requestId;
        report = reportSignedInstalledAfterBoot;
        reportSignedInstalledAfterBoot = false;
        requestId = firmwareRequestId;

        if (report)
        {
            SetSignedFirmwareStatus(SignedFirmwareStatus.Installed, requestId ?? 0, CancellationToken.None);
            LogSecurityEvent(SecurityEventType.FirmwareUpdated, firmwareVersion, notify: true);
        }
    }
}
