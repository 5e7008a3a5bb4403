using System.Net;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Behaviours;

public sealed class FirmwareAndDiagnosticsTests
{
    [Test]
    public async Task A_firmware_update_downloads_installs_reboots_and_reports_installed_after_the_boot()
    {
        using var files = new FileServer { ["http://files.test/fw/v2.bin"] = [1, 2, 3] };
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.CallAsync(new UpdateFirmwareRequest { Location = "http://files.test/fw/v2.bin", RetrieveDate = h.Now });
        await h.SettleAsync();

        var firmware = h.CentralSystem.All<FirmwareStatusNotificationRequest>().Select(f => f.Status);
        var actions = h.CentralSystem.Actions.ToList();
        Assert.Multiple(() =>
        {
            Assert.That(firmware, Is.EqualTo(new[] { FirmwareStatus.Downloading, FirmwareStatus.Downloaded, FirmwareStatus.Installing, FirmwareStatus.Installed }));
            Assert.That(actions.IndexOf("BootNotification"), Is.LessThan(actions.LastIndexOf("FirmwareStatusNotification")));
            Assert.That(h.CentralSystem.All<OcppLab.Protocol.Messages.Core.BootNotificationRequest>().Single().FirmwareVersion, Is.EqualTo("v2"));
        });
    }

    [Test]
    public async Task A_failing_download_is_retried_after_the_retry_interval_then_reported_failed()
    {
        using var files = new FileServer();
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.CallAsync(new UpdateFirmwareRequest { Location = "http://files.test/missing.bin", RetrieveDate = h.Now, Retries = 1, RetryInterval = 30 });
        await h.AdvanceAsync(30);

        Assert.That(h.CentralSystem.All<FirmwareStatusNotificationRequest>().Select(f => f.Status),
            Is.EqualTo(new[] { FirmwareStatus.Downloading, FirmwareStatus.Downloading, FirmwareStatus.DownloadFailed }));
        Assert.That(files.Requests, Is.EqualTo(2));
    }

    [Test]
    public async Task An_unsupported_protocol_fails_the_download()
    {
        using var files = new FileServer();
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.CallAsync(new UpdateFirmwareRequest { Location = "ftp://127.0.0.1:21/download_fail.fwi", RetrieveDate = h.Now, Retries = 0 });
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<FirmwareStatusNotificationRequest>().Select(f => f.Status).Last(), Is.EqualTo(FirmwareStatus.DownloadFailed));
    }

    [Test]
    public async Task An_invalid_image_fails_the_installation()
    {
        using var files = new FileServer { ["http://files.test/bad.bin"] = [0] };
        await using var h = new ChargePointHarness(http: files);
        h.ChargePoint.FirmwareInstaller = image => image[0] != 0;
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.CallAsync(new UpdateFirmwareRequest { Location = "http://files.test/bad.bin", RetrieveDate = h.Now });
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<FirmwareStatusNotificationRequest>().Select(f => f.Status).Last(), Is.EqualTo(FirmwareStatus.InstallationFailed));
        Assert.That(h.CentralSystem.Actions, Does.Not.Contain("BootNotification"));
    }

    [Test]
    public async Task The_download_waits_for_the_retrieve_date()
    {
        using var files = new FileServer { ["http://files.test/fw/v3.bin"] = [1] };
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();

        await h.CallAsync(new UpdateFirmwareRequest { Location = "http://files.test/fw/v3.bin", RetrieveDate = h.Now.AddSeconds(60) });
        await h.AdvanceAsync(59);
        var early = files.Requests;
        await h.AdvanceAsync(1);

        Assert.That(early, Is.Zero);
        Assert.That(files.Requests, Is.EqualTo(1));
    }

    [Test]
    public async Task Diagnostics_are_uploaded_to_the_location_and_reported()
    {
        using var files = new FileServer();
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(new GetDiagnosticsRequest { Location = "http://files.test/upload/" });
        await h.SettleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(answer.FileName, Does.StartWith("CP001-diagnostics-"));
            Assert.That(files.Uploads.Keys.Single(), Is.EqualTo("http://files.test/upload/" + answer.FileName));
            Assert.That(h.CentralSystem.All<DiagnosticsStatusNotificationRequest>().Select(d => d.Status), Is.EqualTo(new[] { DiagnosticsStatus.Uploading, DiagnosticsStatus.Uploaded }));
        });
    }

    [Test]
    public async Task A_failing_upload_is_reported_upload_failed()
    {
        using var files = new FileServer { RefuseUploads = true };
        await using var h = new ChargePointHarness(http: files);
        await h.BootAsync();
        h.CentralSystem.Clear();

        await h.CallAsync(new GetDiagnosticsRequest { Location = "http://files.test/files/failedLocation", Retries = 0 });
        await h.SettleAsync();

        Assert.That(h.CentralSystem.All<DiagnosticsStatusNotificationRequest>().Select(d => d.Status), Is.EqualTo(new[] { DiagnosticsStatus.Uploading, DiagnosticsStatus.UploadFailed }));
    }

    /// <summary>An HTTP file server in memory: GET serves the files, PUT stores uploads.</summary>
    private sealed class FileServer : HttpMessageHandler, IEnumerable<KeyValuePair<string, byte[]>>
    {
        private readonly Dictionary<string, byte[]> files = [];

        public Dictionary<string, byte[]> Uploads { get; } = [];

        public bool RefuseUploads { get; init; }

        public int Requests { get; private set; }

        public byte[] this[string url]
        {
            set => files[url] = value;
        }

        public IEnumerator<KeyValuePair<string, byte[]>> GetEnumerator() => files.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests++;
            var url = request.RequestUri!.ToString();
            if (request.Method == HttpMethod.Put)
            {
                if (RefuseUploads)
                {
                    return new HttpResponseMessage(HttpStatusCode.Forbidden);
                }

                Uploads[url] = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
                return new HttpResponseMessage(HttpStatusCode.Created);
            }

            return files.TryGetValue(url, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }
                : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }
}
