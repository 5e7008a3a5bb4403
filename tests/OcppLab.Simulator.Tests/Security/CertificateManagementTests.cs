using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Security;
using HashAlgorithm = OcppLab.Protocol.Messages.Types.HashAlgorithm;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Security;

public sealed class CertificateManagementTests
{
    [Test]
    public async Task An_installed_root_is_listed_with_hash_data_computed_from_its_issuer_name_key_and_serial()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Manufacturer Root");
        await lab.BootAsync();

        var install = await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.ManufacturerRootCertificate, Certificate = root.ExportCertificatePem() });
        var listed = await lab.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.ManufacturerRootCertificate });
        var other = await lab.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.CentralSystemRootCertificate });

        Assert.That(install.Status, Is.EqualTo(CertificateStatus.Accepted));
        Assert.That(listed.Status, Is.EqualTo(GetInstalledCertificateStatus.Accepted));
        var hash = listed.CertificateHashData!.Single();
        Assert.That(hash.HashAlgorithm, Is.EqualTo(HashAlgorithm.SHA256));
        Assert.That(hash.IssuerNameHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(root.IssuerName.RawData))));
        Assert.That(hash.IssuerKeyHash, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(root.PublicKey.EncodedKeyValue.RawData))));
        Assert.That(hash.SerialNumber, Is.EqualTo(root.SerialNumber.TrimStart('0').ToLowerInvariant()));
        Assert.That(other.Status, Is.EqualTo(GetInstalledCertificateStatus.NotFound));
    }

    [TestCase(HashAlgorithm.SHA256)]
    [TestCase(HashAlgorithm.SHA384)]
    [TestCase(HashAlgorithm.SHA512)]
    public async Task A_root_named_by_its_hash_data_is_deleted(HashAlgorithm algorithm)
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });

        var deleted = await lab.CallAsync(new DeleteCertificateRequest { CertificateHashData = CertificateHashes.For(root, algorithm) });
        var again = await lab.CallAsync(new DeleteCertificateRequest { CertificateHashData = CertificateHashes.For(root, algorithm) });
        var listed = await lab.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.CentralSystemRootCertificate });

        Assert.That(deleted.Status, Is.EqualTo(DeleteCertificateStatus.Accepted));
        Assert.That(again.Status, Is.EqualTo(DeleteCertificateStatus.NotFound));
        Assert.That(listed.Status, Is.EqualTo(GetInstalledCertificateStatus.NotFound));
    }

    [Test]
    public async Task An_expired_central_system_root_is_rejected_and_reported()
    {
        await using var lab = new SecurityLab();
        using var expired = lab.CreateRoot("Old Root", notAfter: ChargePointHarnessStart.AddDays(-2));
        await lab.BootAsync();

        var response = await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = expired.ExportCertificatePem() });

        Assert.That(response.Status, Is.EqualTo(CertificateStatus.Rejected));
        Assert.That(lab.CentralSystem.SecurityEvents, Is.EqualTo(new[] { SecurityEventType.InvalidCentralSystemCertificate }));
    }

    [Test]
    public async Task Something_that_is_not_a_certificate_is_rejected_and_reported()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync();

        var response = await lab.CallAsync(new InstallCertificateRequest
        {
            CertificateType = CertificateUse.CentralSystemRootCertificate,
            Certificate = "-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----",
        });

        Assert.That(response.Status, Is.EqualTo(CertificateStatus.Rejected));
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.InvalidCentralSystemCertificate));
    }

    [Test]
    public async Task A_full_certificate_store_fails_the_install()
    {
        await using var lab = new SecurityLab(new OcppLab.ChargePoint.ChargePointTemplate
        {
            SerialNumber = "SN-0001",
            Configuration = new Dictionary<string, string> { [Keys.CertificateStoreMaxLength] = "1" },
        });
        using var first = lab.CreateRoot("First");
        using var second = lab.CreateRoot("Second");
        await lab.BootAsync();

        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = first.ExportCertificatePem() });
        var response = await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = second.ExportCertificatePem() });

        Assert.That(response.Status, Is.EqualTo(CertificateStatus.Failed));
    }

    [Test]
    public async Task A_triggered_renewal_sends_a_csr_for_the_serial_number_and_the_signed_certificate_is_used_on_profile_3()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        await lab.BootAsync((Keys.CpoName, "OcppLab CPO"));
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });

        var trigger = await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate });
        var csr = lab.CentralSystem.All<SignCertificateRequest>().Single().Csr;
        var request = CertificateRequest.LoadSigningRequestPem(csr, HashAlgorithmName.SHA256);
        using var signed = lab.Sign(csr, root);
        var answer = await lab.CallAsync(new CertificateSignedRequest { CertificateChain = signed.ExportCertificatePem() });

        Assert.That(trigger.Status, Is.EqualTo(ExtendedTriggerMessageStatus.Accepted));
        Assert.That(request.SubjectName.Name, Does.Contain("CN=SN-0001").And.Contain("O=OcppLab CPO"));
        Assert.That(answer.Status, Is.EqualTo(CertificateSignedStatus.Accepted));
        var certificate = lab.ChargePoint.Certificates.ChargePointCertificate;
        Assert.That(certificate, Is.Not.Null);
        Assert.That(certificate!.HasPrivateKey, Is.True);
        Assert.That(certificate.GetNameInfo(X509NameType.SimpleName, false), Is.EqualTo("SN-0001"));

        var connections = lab.Connector.Connections;
        var upgrade = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.SecurityProfile, Value = "3" });
        await lab.Harness.AdvanceAsync(2);
        Assert.That(upgrade.Status, Is.EqualTo(ConfigurationStatus.Accepted));
        Assert.That(lab.Connector.Connections, Is.EqualTo(connections + 1));
        Assert.That(lab.ChargePoint.ConnectionSecurity.PresentedClientCertificate, Is.SameAs(certificate));
    }

    [Test]
    public async Task A_certificate_from_an_unknown_ca_is_rejected_and_reported()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        using var stranger = lab.CreateRoot("Somebody Else");
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });

        await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate });
        using var signed = lab.Sign(lab.CentralSystem.All<SignCertificateRequest>().Single().Csr, stranger);
        var answer = await lab.CallAsync(new CertificateSignedRequest { CertificateChain = signed.ExportCertificatePem() });

        Assert.That(answer.Status, Is.EqualTo(CertificateSignedStatus.Rejected));
        Assert.That(lab.ChargePoint.Certificates.ChargePointCertificate, Is.Null);
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.InvalidChargePointCertificate));
    }

    [Test]
    public async Task A_certificate_for_another_key_is_rejected()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });
        await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate });
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signed = lab.Sign(new CertificateRequest("CN=SN-0001", otherKey, HashAlgorithmName.SHA256).CreateSigningRequestPem(), root);

        var answer = await lab.CallAsync(new CertificateSignedRequest { CertificateChain = signed.ExportCertificatePem() });

        Assert.That(answer.Status, Is.EqualTo(CertificateSignedStatus.Rejected));
    }

    [Test]
    public async Task An_rsa_key_pair_is_2048_bits()
    {
        using var keys = ChargePointKeys.Create("SN-0001", "CPO", ChargePointKeyType.Rsa2048);

        var request = CertificateRequest.LoadSigningRequestPem(keys.CsrPem, HashAlgorithmName.SHA256);

        Assert.That(keys.Key.KeySize, Is.EqualTo(2048));
        Assert.That(request.PublicKey.Oid.Value, Is.EqualTo("1.2.840.113549.1.1.1"));
        await Task.CompletedTask;
    }

    private static DateTimeOffset ChargePointHarnessStart => Support.ChargePointHarness.Start;
    [Test]
    public async Task A_chain_through_a_sub_CA_is_accepted_and_the_sub_CA_but_not_the_root_goes_out_with_the_certificate()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        using var sub = lab.CreateSubAuthority("Charge Point Sub-CA", root);
        await lab.BootAsync();
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });
        await lab.CallAsync(new ExtendedTriggerMessageRequest { RequestedMessage = ExtendedMessageTrigger.SignChargePointCertificate });
        using var signed = lab.Sign(lab.CentralSystem.All<SignCertificateRequest>().Single().Csr, sub);

        var answer = await lab.CallAsync(new CertificateSignedRequest { CertificateChain = signed.ExportCertificatePem() + "\n" + sub.ExportCertificatePem() + "\n" + root.ExportCertificatePem() });

        Assert.That(answer.Status, Is.EqualTo(CertificateSignedStatus.Accepted));
        var security = lab.ChargePoint.ConnectionSecurity with { Profile = 3 };
        Assert.That(security.PresentedClientCertificate!.RawData, Is.EqualTo(signed.RawData));
        Assert.That(security.ClientCertificateIntermediates.Select(c => c.RawData), Is.EqualTo(new[] { sub.RawData }));
    }
}
