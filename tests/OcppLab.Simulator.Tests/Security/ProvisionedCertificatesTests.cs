using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Tests.Security;

/// <summary>Certificates put on the charge point before its first connection, as the command line does.</summary>
public sealed class ProvisionedCertificatesTests
{
    [Test]
    public async Task Provisioned_roots_and_certificate_are_what_the_next_connection_presents_and_what_GetInstalledCertificateIds_lists()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signed = lab.Sign(new CertificateRequest("CN=CP001", key, HashAlgorithmName.SHA256).CreateSigningRequestPem(), root);
        var certificate = signed.CopyWithPrivateKey(key);

        lab.ChargePoint.ProvisionCertificates([root], certificate);
        await lab.BootAsync();
        var listed = await lab.CallAsync(new GetInstalledCertificateIdsRequest { CertificateType = CertificateUse.CentralSystemRootCertificate });

        var security = lab.ChargePoint.ConnectionSecurity with { Profile = 3 };
        Assert.That(security.CentralSystemRoots.Single().RawData, Is.EqualTo(root.RawData));
        Assert.That(security.CentralSystemRoots.Single(), Is.Not.SameAs(root), "the store owns a copy, so the caller's root outlives the charge point");
        Assert.That(security.PresentedClientCertificate, Is.SameAs(certificate));
        Assert.That(listed.Status, Is.EqualTo(GetInstalledCertificateStatus.Accepted));
        Assert.That(listed.CertificateHashData, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_provisioned_root_that_is_no_CA_certificate_is_refused_by_the_charge_points_own_check()
    {
        await using var lab = new SecurityLab();
        using var notCa = lab.CreateRoot("Server", certificateAuthority: false);

        Assert.That(() => lab.ChargePoint.ProvisionCertificates([notCa], null), Throws.InvalidOperationException.With.Message.Contains("CentralSystemRootCertificate"));
        Assert.That(lab.ChargePoint.Certificates.Count, Is.Zero);
    }

    [Test]
    public async Task Every_security_event_is_published_as_it_is_logged()
    {
        await using var lab = new SecurityLab();
        var seen = new List<SecurityLogEntry>();
        using var subscription = lab.ChargePoint.SecurityEvents.Subscribe(seen.Add);
        await lab.BootAsync();

        lab.ChargePoint.RaiseSecurityEvent(SecurityEventType.InvalidCentralSystemCertificate, "the server certificate does not chain");

        Assert.That(seen.Select(e => e.Type), Is.EqualTo(lab.ChargePoint.SecurityLog.Entries.Select(e => e.Type)));
        Assert.That(seen.Last().TechInfo, Is.EqualTo("the server certificate does not chain"));
    }
}
