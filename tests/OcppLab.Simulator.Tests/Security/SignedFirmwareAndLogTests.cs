using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Security;

public sealed class SignedFirmwareAndLogTests
{
    private static readonly byte[] Image = [0x4F, 0x43, 0x50, 0x50, 0x02];

    [Test]
    public async Task A_signed_firmware_is_downloaded_verified_installed_and_reported_after_the_reboot()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Manufacturer Root");
        using var signer = lab.CreateSigner(root);
        lab.Files.Files["/fw/2.0.0.bin"] = Image;
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = root.ExportCertificatePem() });

        var response = await lab.CallAsync(Update(signer, Sign(signer, Image)));
        await lab.Harness.AdvanceAsync(5);

        Assert.That(response.Status, Is.EqualTo(UpdateFirmwareStatus.Accepted));
        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[]
        {
            SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloaded, SignedFirmwareStatus.SignatureVerified,
            SignedFirmwareStatus.Installing, SignedFirmwareStatus.Installed,
        }));
        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>().Select(s => s.RequestId), Is.All.EqualTo(7));
        Assert.That(lab.CentralSystem.All<BootNotificationRequest>().Last().FirmwareVersion, Is.EqualTo("2.0.0"));
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.FirmwareUpdated));
    }

    [Test]
    public async Task A_wrong_signature_stops_before_installing_and_is_reported()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Manufacturer Root");
        using var signer = lab.CreateSigner(root);
        lab.Files.Files["/fw/2.0.0.bin"] = Image;
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = root.ExportCertificatePem() });
        var boots = lab.CentralSystem.All<BootNotificationRequest>().Count();

        var response = await lab.CallAsync(Update(signer, Sign(signer, [1, 2, 3])));
        await lab.Harness.AdvanceAsync(5);

        Assert.That(response.Status, Is.EqualTo(UpdateFirmwareStatus.Accepted));
        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[]
        {
            SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloaded, SignedFirmwareStatus.InvalidSignature,
        }));
        Assert.That(lab.CentralSystem.All<BootNotificationRequest>().Count(), Is.EqualTo(boots));
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.InvalidFirmwareSignature));
    }

    [Test]
    public async Task A_signing_certificate_without_a_manufacturer_root_is_refused()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Manufacturer Root");
        using var signer = lab.CreateSigner(root);
        await lab.BootAsync();

        var response = await lab.CallAsync(Update(signer, Sign(signer, Image)));

        Assert.That(response.Status, Is.EqualTo(UpdateFirmwareStatus.InvalidCertificate));
        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>(), Is.Empty);
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.InvalidFirmwareSigningCertificate));
    }

    [Test]
    public async Task A_download_that_keeps_failing_reports_download_failed_after_the_retries()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Manufacturer Root");
        using var signer = lab.CreateSigner(root);
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = root.ExportCertificatePem() });

        await lab.CallAsync(Update(signer, Sign(signer, Image)) with { Retries = 1, RetryInterval = 30 });
        await lab.Harness.AdvanceAsync(31);

        Assert.That(lab.CentralSystem.All<SignedFirmwareStatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[]
        {
            SignedFirmwareStatus.Downloading, SignedFirmwareStatus.Downloading, SignedFirmwareStatus.DownloadFailed,
        }));
    }

    [Test]
    public async Task The_security_log_is_uploaded_with_the_events_so_far()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, "0123456789abcdef0123"));

        var response = await lab.CallAsync(new GetLogRequest { LogType = LogType.SecurityLog, RequestId = 4, Log = new LogParameters { RemoteLocation = "http://files.example/logs" } });

        Assert.That(response.Status, Is.EqualTo(LogStatus.Accepted));
        Assert.That(lab.CentralSystem.All<LogStatusNotificationRequest>().Select(s => (s.Status, s.RequestId)), Is.EqualTo(new[]
        {
            (UploadLogStatus.Uploading, (int?)4), (UploadLogStatus.Uploaded, (int?)4),
        }));
        var upload = lab.Files.Uploads.Single();
        Assert.That(upload.Key, Is.EqualTo("/logs/" + response.Filename));
        Assert.That(upload.Value, Does.Contain(SecurityEventType.StartupOfTheDevice));
    }

    [Test]
    public async Task An_unreachable_log_location_ends_in_upload_failure()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();

        await lab.CallAsync(new GetLogRequest { LogType = LogType.DiagnosticsLog, RequestId = 5, Log = new LogParameters { RemoteLocation = "ftp://files.example/logs" } });

        Assert.That(lab.CentralSystem.All<LogStatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[] { UploadLogStatus.Uploading, UploadLogStatus.UploadFailure }));
    }

    private static SignedUpdateFirmwareRequest Update(X509Certificate2 signer, string signature) => new()
    {
        RequestId = 7,
        Firmware = new Firmware
        {
            Location = "http://files.example/fw/2.0.0.bin",
            RetrieveDateTime = Support.ChargePointHarness.Start,
            SigningCertificate = signer.ExportCertificatePem(),
            Signature = signature,
        },
    };

    private static string Sign(X509Certificate2 signer, byte[] image)
    {
        using var key = signer.GetECDsaPrivateKey()!;
        return Convert.ToBase64String(key.SignData(image, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
