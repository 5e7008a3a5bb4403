using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Firmware;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// The Central System's own file service: firmware for stations to download (UpdateFirmware's location)
/// and an upload target for their diagnostics (GetDiagnostics' location), plus the operator's firmware upload.
/// </summary>
public static class FileEndpoints
{
    /// <summary>Maps <c>/files/...</c> on <paramref name="app"/> and <c>/firmware-files</c> on the API group.</summary>
    public static IEndpointRouteBuilder MapFiles(this IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        var files = app.MapGroup("/files").WithTags("Files");
        files.MapGet("/firmware/{name}", Download).WithSummary("A firmware file, for stations.");
        files.MapMethods("/diagnostics/{chargePointId}/{name}", ["PUT", "POST"], Upload)
            .WithSummary("A station's diagnostics upload (raw body, or the first file of a multipart form), size-limited.");

        var firmware = api.MapGroup("/firmware-files").WithTags("Files");
        firmware.MapGet("/", List).WithSummary("The firmware files the Central System serves.").Produces<IReadOnlyList<FileView>>();
        firmware.MapPut("/{name}", Store)
            .WithSummary("Upload a firmware file (raw body) to serve to stations.")
            .Accepts<Stream>("application/octet-stream")
            .WithMetadata(new BodyLimit(null))
            .Produces<FileView>();
        return app;
    }

    private static IResult Download(string name, FileFolders folders)
    {
        var path = FileFolders.IsSafeName(name) ? Path.Combine(folders.Firmware, name) : null;
        return path is not null && File.Exists(path)
            ? Results.File(path, "application/octet-stream", name)
            : Problems.NotFound($"No firmware file '{name}'.");
    }

    private static IResult List(FileFolders folders) =>
        Results.Ok(new DirectoryInfo(folders.Firmware).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new FileView(f.Name, f.Length)).ToList());

    private static async Task<IResult> Store(string name, HttpContext http, FileFolders folders, IOptionsMonitor<CsmsOptions> options, CancellationToken cancellationToken)
    {
        if (!FileFolders.IsSafeName(name))
        {
            return Problems.BadValue("name", name, "A file name has letters, digits, '.', '-' and '_' only, and does not start with '.'.");
        }

        AllowBody(http, options.CurrentValue.Files.MaxFirmwareBytes);
        var written = await WriteAsync(http.Request.Body, Path.Combine(folders.Firmware, name), options.CurrentValue.Files.MaxFirmwareBytes, cancellationToken);
        return written is null
            ? Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", "File too large", $"A firmware file is at most {options.CurrentValue.Files.MaxFirmwareBytes} bytes.")
            : Results.Ok(new FileView(name, written.Value));
    }

    private static async Task<IResult> Upload(
        string chargePointId, string name, HttpContext http, FileFolders folders, IFirmwareJobStore jobs, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!FileFolders.IsSafeName(name) || !FileFolders.IsSafeName(chargePointId))
        {
            return Problems.BadValue("name", name, "A file name has letters, digits, '.', '-' and '_' only, and does not start with '.'.");
        }

        var max = options.CurrentValue.Files.MaxDiagnosticsBytes;
        if (http.Request.ContentLength > max)
        {
            return TooLarge(max);
        }

        AllowBody(http, max);
        var body = http.Request.Body;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            if (form.Files.Count == 0)
            {
                return Problems.BadRequest("The multipart form carries no file.");
            }

            body = form.Files[0].OpenReadStream();
        }

        await using (body)
        {
            var written = await WriteAsync(body, Path.Combine(folders.Diagnostics(chargePointId), name), max, cancellationToken);
            if (written is null)
            {
                return TooLarge(max);
            }

            jobs.OnDiagnosticsUploaded(chargePointId, name, written.Value, time.GetUtcNow());
            return Results.Created($"/files/diagnostics/{chargePointId}/{name}", new FileView(name, written.Value));
        }
    }

    /// <summary>Lets the server read up to our own limit (plus slack for a multipart envelope); the copy enforces it exactly.</summary>
    private static void AllowBody(HttpContext http, long max)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max + (64 * 1024);
        }
    }

    private static IResult TooLarge(long max) =>
        Problems.Create(StatusCodes.Status413PayloadTooLarge, "too-large", "File too large", $"A diagnostics upload is at most {max} bytes.");

    /// <summary>Copies at most <paramref name="max"/> bytes; null (and no file) when there are more.</summary>
    private static async Task<long?> WriteAsync(Stream source, string path, long max, CancellationToken cancellationToken)
    {
        var temporary = path + ".part";
        long total = 0;
        await using (var target = File.Create(temporary))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > max)
                {
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }

        if (total > max)
        {
            File.Delete(temporary);
            return null;
        }

        File.Move(temporary, path, overwrite: true);
        return total;
    }
}

/// <summary>A file served or received.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Bytes">Its size.</param>
public sealed record FileView(string Name, long Bytes);
