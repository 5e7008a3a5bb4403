using System.Net;
using System.Net.Http.Headers;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Profiles;

/// <summary>Firmware Management (OCPP 1.6 §5.9, §5.19, §4.4, §4.5; TC_044, TC_045) through the operator API and the file service.</summary>
public sealed class FirmwareManagementTests
{
    private static readonly FirmwareStatus[][] FirmwareRuns =
    [
        [FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.Installed],
        [FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed],
        [FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.InstallationFailed],
    ];

    private static readonly DiagnosticsStatus[][] DiagnosticsRuns =
    [
        [DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded],
        [DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed],
    ];

    [TestCaseSource(nameof(FirmwareRuns))]
    public async Task A_firmware_update_is_a_job_that_follows_the_stations_statuses(FirmwareStatus[] run)
    {
        UpdateFirmwareRequest? sent = null;
        var script = new StationScript().On<UpdateFirmwareRequest, UpdateFirmwareResponse>(r =>
        {
            sent = r;
            return new();
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (status, job) = await Api.PostAsync(http, "/api/charge-points/CP001/update-firmware", """{"firmware":"cp-2.0.bin","retries":3,"retryInterval":60}""");
        foreach (var reported in run)
        {
            await cp.CallAsync(new FirmwareStatusNotificationRequest { Status = reported });
        }

        var (_, jobs) = await Api.GetAsync(http, "/api/charge-points/CP001/firmware-jobs");

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK), job.ToString());
        Assert.That(sent!.Location, Is.EqualTo($"{http.BaseAddress!.ToString().TrimEnd('/')}/files/firmware/cp-2.0.bin"));
        Assert.That(sent.RetrieveDate, Is.EqualTo(csms.Time.GetUtcNow()));
        Assert.That(jobs[0].GetProperty("status").GetString(), Is.EqualTo(run[^1].ToString()));
        Assert.That(jobs[0].GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()), Is.EqualTo(run.Select(r => r.ToString())));
        Assert.That(jobs[0].GetProperty("isFinished").GetBoolean(), Is.True);
    }

    [TestCaseSource(nameof(DiagnosticsRuns))]
    public async Task A_diagnostics_request_is_a_job_that_follows_the_stations_statuses(DiagnosticsStatus[] run)
    {
        GetDiagnosticsRequest? sent = null;
        var script = new StationScript().On<GetDiagnosticsRequest, GetDiagnosticsResponse>(r =>
        {
            sent = r;
            return new() { FileName = "diag-CP001.zip" };
        });
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, script);
        using var http = csms.CreateClient();

        var (_, job) = await Api.PostAsync(http, "/api/charge-points/CP001/get-diagnostics", """{"startTime":"2026-03-01T00:00:00Z","stopTime":"2026-03-01T08:00:00Z"}""");
        foreach (var reported in run)
        {
            await cp.CallAsync(new DiagnosticsStatusNotificationRequest { Status = reported });
        }

        var (_, jobs) = await Api.GetAsync(http, "/api/charge-points/CP001/diagnostics-jobs");

        Assert.That(job.GetProperty("fileName").GetString(), Is.EqualTo("diag-CP001.zip"));
        Assert.That(sent!.Location, Does.EndWith("/files/diagnostics/CP001/"));
        Assert.That(jobs[0].GetProperty("status").GetString(), Is.EqualTo(run[^1].ToString()));
    }

    [Test]
    public async Task The_whole_loop_runs_on_one_machine_firmware_served_and_diagnostics_received()
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        using var firmware = new ByteArrayContent([1, 2, 3, 4, 5]);
        using var stored = await http.PutAsync("/api/firmware-files/cp-2.0.bin", firmware);
        var served = await http.GetByteArrayAsync("/files/firmware/cp-2.0.bin");
        await Api.PostAsync(http, "/api/charge-points/CP001/get-diagnostics", "{}");
        using var diagnostics = new ByteArrayContent(new byte[1000]);
        using var uploaded = await http.PutAsync("/files/diagnostics/CP001/diagnostics.zip", diagnostics);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[10]), "file", "second.zip" } };
        using var posted = await http.PostAsync("/files/diagnostics/CP001/second.zip", form);
        var (_, jobs) = await Api.GetAsync(http, "/api/charge-points/CP001/diagnostics-jobs");

        Assert.That(stored.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(served, Is.EqualTo(new byte[] { 1, 2, 3, 4, 5 }));
        Assert.That(uploaded.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(jobs[0].GetProperty("uploadedBytes").GetInt64(), Is.EqualTo(1000));
        Assert.That(File.ReadAllBytes(Path.Combine(csms.FilesRoot, "diagnostics", "CP001", "second.zip")), Has.Length.EqualTo(10));
    }

    [Test]
    public async Task A_diagnostics_upload_over_the_limit_is_refused_and_not_kept()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?> { ["Csms:Files:MaxDiagnosticsBytes"] = "100" });
        using var http = csms.CreateClient();

        using var content = new StreamContent(new MemoryStream(new byte[101]));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var response = await http.PutAsync("/files/diagnostics/CP001/big.zip", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(File.Exists(Path.Combine(csms.FilesRoot, "diagnostics", "CP001", "big.zip")), Is.False);
    }

    [TestCase("/files/firmware/..%2Fsecret")]
    [TestCase("/files/firmware/.hidden")]
    [TestCase("/files/firmware/missing.bin")]
    public async Task Only_plain_names_of_existing_files_are_served(string path)
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        using var response = await http.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [TestCase("""{}""", "location")]
    [TestCase("""{"firmware":"../etc/passwd"}""", "firmware")]
    [TestCase("""{"location":"http://x/f.bin","retries":-1}""", "retries")]
    public async Task A_bad_firmware_request_is_a_400_that_names_the_value(string json, string named)
    {
        await using var csms = new CsmsFactory();
        await using var cp = await CoreOperationTests.ConnectAsync(csms, new StationScript());
        using var http = csms.CreateClient();

        var (status, problem) = await Api.PostAsync(http, "/api/charge-points/CP001/update-firmware", json);

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(Api.Detail(problem), Does.Contain(named));
    }
}
