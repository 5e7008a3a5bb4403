using System.Reactive.Linq;
using System.Reactive.Threading.Tasks;
using System.Text;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The HTTP side of the file transfers (firmware downloads, diagnostics and log uploads): one attempt at a
/// time, run as I/O of the scheduler, with waits on the charge point's timers. Other URL schemes fail as an
/// unreachable server would (OCPP 1.6 §5.9, §5.19; Security Whitepaper §3.5, §3.6).
/// </summary>
internal sealed class FileTransferClient(ChargePointContext context, HttpClient http, CancellationToken lifetime)
{
    /// <summary>Decides whether a downloaded image installs; by default any non-empty file does (OCTT TC_044_3 uses an invalid one).</summary>
    public Func<byte[], bool> Installer { get; set; } = image => image.Length > 0;

    public CancellationToken Lifetime => lifetime;

    /// <summary>Downloads a file; null when the attempt failed.</summary>
    public Task<byte[]?> TryDownloadAsync(string location) =>
        TryTransferAsync<byte[]>(() => http.GetByteArrayAsync(Location(location), lifetime));

    /// <summary>Uploads <paramref name="text"/> as <paramref name="fileName"/> under <paramref name="location"/> with HTTP PUT; false when the attempt failed.</summary>
    public Task<bool> TryUploadAsync(string location, string fileName, string text) =>
        TryTransferAsync(async () =>
        {
            var target = location.TrimEnd('/') + "/" + Uri.EscapeDataString(fileName);
            using var content = new StringContent(text, Encoding.UTF8, "text/plain");
            using var response = await http.PutAsync(Location(target), content, lifetime);
            response.EnsureSuccessStatusCode();
            return true;
        });

    /// <summary>Waits on the charge point's clock; at once for a moment already past.</summary>
    public Task DelayAsync(TimeSpan delay) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Observable.Timer(delay, context.Scheduler).ToTask(lifetime);

    /// <summary>What a diagnostics file says.</summary>
    public string DiagnosticsText() =>
        $"{context.Id} {context.Template.Vendor} {context.Template.Model} firmware {context.FirmwareVersion} at {context.Now:O}\n";

    /// <summary>The version an installed image brings: its file name, or the template's when that is no usable name.</summary>
    public string VersionOf(string location) =>
        Path.GetFileNameWithoutExtension(new Uri(location).AbsolutePath) is { Length: > 0 and <= 50 } name ? name : context.Template.FirmwareVersion;

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
            return await context.Scheduler.Await(transfer);
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any transfer failure is reported as DownloadFailed/UploadFailed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ChargePointLog.OperationFailed(context.Logger, context.Id, "file transfer", e);
            return default;
        }
    }
}
