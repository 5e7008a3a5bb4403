using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint;

/// <summary>
/// The Firmware Management profile (OCPP 1.6 §4.4, §4.5, §5.9, §5.19): UpdateFirmware downloads over HTTP,
/// installs, reboots and reports Installed after the new boot; GetDiagnostics uploads a log file over HTTP PUT.
/// Both honour retries and retryInterval. Other URL schemes fail as an unreachable server would.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly HttpClient http;
    private FirmwareStatus firmwareStatus = FirmwareStatus.Idle;
    private DiagnosticsStatus diagnosticsStatus = DiagnosticsStatus.Idle;
    private string? firmwareVersion;
    private bool reportInstalledAfterBoot;

    /// <summary>Decides whether a downloaded image installs; by default any non-empty file does (OCTT TC_044_3 uses an invalid one).</summary>
    public Func<byte[], bool> FirmwareInstaller { get; set; } = image => image.Length > 0;

    /// <summary>The firmware status last reported.</summary>
    public FirmwareStatus FirmwareStatus => firmwareStatus;

    /// <summary>The diagnostics status last reported.</summary>
    public DiagnosticsStatus DiagnosticsStatus => diagnosticsStatus;

    private UpdateFirmwareResponse OnUpdateFirmware(UpdateFirmwareRequest request)
    {
        AfterResponse(() => _ = UpdateFirmwareAsync(request));
        return new();
    }

    private GetDiagnosticsResponse OnGetDiagnostics(GetDiagnosticsRequest request)
    {
        var fileName = $"{Id}-diagnostics-{Now:yyyyMMddTHHmmssZ}.log";
        AfterResponse(() => _ = UploadDiagnosticsAsync(request, fileName));
        return new() { FileName = fileName };
    }

    private async Task UpdateFirmwareAsync(UpdateFirmwareRequest request)
    {
        try
        {
            await DelayAsync(request.RetrieveDate - Now);
            var attempts = 1 + Math.Max(0, request.Retries ?? 0);
            byte[]? image = null;
            for (var attempt = 1; attempt <= attempts && image is null; attempt++)
            {
                SetFirmwareStatus(FirmwareStatus.Downloading);
                image = await TryTransferAsync(() => http.GetByteArrayAsync(Location(request.Location), lifetime.Token));
                if (image is null && attempt < attempts)
                {
                    await DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            if (image is null)
            {
                SetFirmwareStatus(FirmwareStatus.DownloadFailed);
                return;
            }

            SetFirmwareStatus(FirmwareStatus.Downloaded);
            SetFirmwareStatus(FirmwareStatus.Installing);
            if (!FirmwareInstaller(image))
            {
                SetFirmwareStatus(FirmwareStatus.InstallationFailed);
                return;
            }

            firmwareVersion = Path.GetFileNameWithoutExtension(new Uri(request.Location).AbsolutePath) is { Length: > 0 and <= 50 } name ? name : Template.FirmwareVersion;
            reportInstalledAfterBoot = true;

            // Installing needs a reboot; Installed is reported after the new BootNotification (OCTT TC_044_1).
            await RebootAsync(Reason.Reboot);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
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
                var target = new Uri(request.Location.TrimEnd('/') + "/" + Uri.EscapeDataString(fileName));
                using var content = new StringContent(DiagnosticsText(), Encoding.UTF8, "text/plain");
                var done = await TryTransferAsync(async () =>
                {
                    using var response = await http.PutAsync(Location(target.ToString()), content, lifetime.Token);
                    response.EnsureSuccessStatusCode();
                    return true;
                });
                if (done)
                {
                    SetDiagnosticsStatus(DiagnosticsStatus.Uploaded);
                    return;
                }

                if (attempt < attempts)
                {
                    await DelayAsync(TimeSpan.FromSeconds(request.RetryInterval ?? 60));
                }
            }

            SetDiagnosticsStatus(DiagnosticsStatus.UploadFailed);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
        }
    }

    private string DiagnosticsText() =>
        $"{Id} {Template.Vendor} {Template.Model} firmware {firmwareVersion ?? Template.FirmwareVersion} at {Now:O}\n";

    private static Uri Location(string location)
    {
        var uri = new Uri(location);
        return uri.Scheme is "http" or "https" ? uri : throw new NotSupportedException($"{uri.Scheme} is not a supported file transfer protocol.");
    }

    /// <summary>Runs one download or upload; a failure of any kind yields the default value.</summary>
    private async Task<T?> TryTransferAsync<T>(Func<Task<T>> transfer)
    {
        try
        {
            return await scheduler.Await(transfer);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any transfer failure is reported as DownloadFailed/UploadFailed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ChargePointLog.OperationFailed(logger, Id, "file transfer", e);
            return default;
        }
    }

    private Task DelayAsync(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Observable.Timer(delay, scheduler).ToTask(lifetime.Token);

    private void SetFirmwareStatus(FirmwareStatus status)
    {
        firmwareStatus = status;
        _ = Send(new FirmwareStatusNotificationRequest { Status = status });
    }

    private void SetDiagnosticsStatus(DiagnosticsStatus status)
    {
        diagnosticsStatus = status;
        _ = Send(new DiagnosticsStatusNotificationRequest { Status = status });
    }

    private void OnFirmwareBooted()
    {
        bool report;
        report = reportInstalledAfterBoot;
        reportInstalledAfterBoot = false;

        if (report)
        {
            SetFirmwareStatus(FirmwareStatus.Installed);
        }
    }
}
