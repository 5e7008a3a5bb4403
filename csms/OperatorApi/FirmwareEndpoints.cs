using Microsoft.Extensions.Options;
using OcppLab.Csms.Configuration;
using OcppLab.Csms.Firmware;
using OcppLab.Csms.OperatorApi.OpenApi;
using OcppLab.Protocol.Messages.FirmwareManagement;

namespace OcppLab.Csms.OperatorApi;

/// <summary>
/// Firmware Management (OCPP 1.6 §5.9, §5.19): UpdateFirmware and GetDiagnostics as jobs whose state
/// follows the station's status notifications. By default the station is handed the Central System's own
/// URLs: the firmware file it serves, and its diagnostics upload folder for the station.
/// </summary>
public static class FirmwareEndpoints
{
    /// <summary>Maps the endpoints under <c>/charge-points/{id}</c>.</summary>
    public static RouteGroupBuilder MapFirmware(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/charge-points/{id}").WithTags("Firmware management");
        group.MapPost("/update-firmware", UpdateFirmware)
            .WithSummary("UpdateFirmware; location defaults to this Central System's /files/firmware/{firmware}, retrieveDate to now.")
            .Produces<FirmwareJob>().CallsStation();
        group.MapPost("/get-diagnostics", GetDiagnostics)
            .WithSummary("GetDiagnostics; location defaults to this Central System's /files/diagnostics/{id}/ upload folder.")
            .Produces<DiagnosticsJob>().CallsStation();
        group.MapGet("/firmware-jobs", (string id, IFirmwareJobStore jobs) => Results.Ok(jobs.FirmwareJobs(id)))
            .WithSummary("The station's firmware updates, newest first, with every status it reported.").Produces<IReadOnlyList<FirmwareJob>>();
        group.MapGet("/diagnostics-jobs", (string id, IFirmwareJobStore jobs) => Results.Ok(jobs.DiagnosticsJobs(id)))
            .WithSummary("The station's diagnostics requests, newest first, with statuses and the upload received.").Produces<IReadOnlyList<DiagnosticsJob>>();
        return group;
    }

    internal static async Task<IResult> UpdateFirmware(
        string id, UpdateFirmwareBody body, HttpContext http, StationCaller caller, IFirmwareJobStore jobs, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Location is null && body.Firmware is null)
        {
            return Problems.BadValue("location", null, "Give location (any URI) or firmware (a file this Central System serves).");
        }

        if (body.Firmware is { } name && !FileFolders.IsSafeName(name))
        {
            return Problems.BadValue("firmware", name, "A file name has letters, digits, '.', '-' and '_' only, and does not start with '.'.");
        }

        if (body.Retries < 0 || body.RetryInterval < 0)
        {
            return Problems.BadValue(body.Retries < 0 ? "retries" : "retryInterval", body.Retries < 0 ? body.Retries : body.RetryInterval, "Retries and retryInterval are 0 or more (OCPP 1.6 §6.57).");
        }

        var request = new UpdateFirmwareRequest
        {
            Location = body.Location ?? $"{BaseUrl(http, options)}/files/firmware/{Uri.EscapeDataString(body.Firmware!)}",
            RetrieveDate = body.RetrieveDate ?? time.GetUtcNow(),
            Retries = body.Retries,
            RetryInterval = body.RetryInterval,
        };
        var answer = await caller.SendAsync(id, request, http, cancellationToken);
        return answer.Problem ?? Results.Ok(jobs.AddFirmware(jobId => new FirmwareJob(
            jobId, id, request.Location, request.RetrieveDate, request.Retries, request.RetryInterval, time.GetUtcNow(), [])));
    }

    internal static async Task<IResult> GetDiagnostics(
        string id, GetDiagnosticsBody body, HttpContext http, StationCaller caller, IFirmwareJobStore jobs, IOptionsMonitor<CsmsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.StartTime is { } from && body.StopTime is { } to && from > to)
        {
            return Problems.BadValue("stopTime", to, "stopTime must not come before startTime.");
        }

        if (body.Retries < 0 || body.RetryInterval < 0)
        {
            return Problems.BadValue(body.Retries < 0 ? "retries" : "retryInterval", body.Retries < 0 ? body.Retries : body.RetryInterval, "Retries and retryInterval are 0 or more (OCPP 1.6 §6.23).");
        }

        var request = new GetDiagnosticsRequest
        {
            // OCPP 1.6 §6.23: location is the directory the station uploads its file into.
            Location = body.Location ?? $"{BaseUrl(http, options)}/files/diagnostics/{Uri.EscapeDataString(id)}/",
            Retries = body.Retries,
            RetryInterval = body.RetryInterval,
            StartTime = body.StartTime,
            StopTime = body.StopTime,
        };
        var answer = await caller.SendAsync(id, request, http, cancellationToken);
        return answer.Problem ?? Results.Ok(jobs.AddDiagnostics(jobId => new DiagnosticsJob(
            jobId, id, request.Location, request.StartTime, request.StopTime, time.GetUtcNow(), answer.Response!.FileName, [])));
    }

    private static string BaseUrl(HttpContext http, IOptionsMonitor<CsmsOptions> options) =>
        options.CurrentValue.Files.PublicBaseUrl?.TrimEnd('/') ?? $"{http.Request.Scheme}://{http.Request.Host}";
}

/// <summary>What the operator asks a station to install.</summary>
/// <param name="Location">Any firmware URI; or give <paramref name="Firmware"/>.</param>
/// <param name="Firmware">The name of a file this Central System serves.</param>
/// <param name="RetrieveDate">When to fetch it; defaults to now.</param>
/// <param name="Retries">How often the station may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
public sealed record UpdateFirmwareBody(string? Location, string? Firmware, DateTimeOffset? RetrieveDate, int? Retries, int? RetryInterval);

/// <summary>What diagnostics the operator asks for.</summary>
/// <param name="Location">Any upload directory URI; defaults to this Central System's upload folder for the station.</param>
/// <param name="Retries">How often the station may retry.</param>
/// <param name="RetryInterval">Seconds between retries.</param>
/// <param name="StartTime">The oldest logging information wanted.</param>
/// <param name="StopTime">The newest logging information wanted.</param>
public sealed record GetDiagnosticsBody(string? Location, int? Retries, int? RetryInterval, DateTimeOffset? StartTime, DateTimeOffset? StopTime);
