using OcppLab.ChargePoint.Security;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Security;

public sealed class SecurityProfileTests
{
    private const string Key = "4F43415F4F4354545F61646D696E5F74657374";

    [Test]
    public async Task A_lower_security_profile_is_rejected_and_the_profile_stays()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "2"), (Keys.AuthorizationKey, Key));

        var response = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.SecurityProfile, Value = "1" });

        Assert.That(response.Status, Is.EqualTo(ConfigurationStatus.Rejected));
        Assert.That(lab.ChargePoint.SecurityProfile, Is.EqualTo(2));
    }

    [Test]
    public async Task A_higher_profile_without_a_central_system_root_is_rejected()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, Key));

        var response = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.SecurityProfile, Value = "2" });

        Assert.That(response.Status, Is.EqualTo(ConfigurationStatus.Rejected));
    }

    [Test]
    public async Task A_higher_profile_is_accepted_and_the_charge_point_reconnects_with_it()
    {
        await using var lab = new SecurityLab();
        using var root = lab.CreateRoot("Central System Root");
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, Key));
        await lab.CallAsync(new InstallCertificateRequest { CertificateType = CertificateUse.CentralSystemRootCertificate, Certificate = root.ExportCertificatePem() });
        var connections = lab.Connector.Connections;

        var response = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.SecurityProfile, Value = "2" });
        await lab.Harness.AdvanceAsync(2);

        Assert.That(response.Status, Is.EqualTo(ConfigurationStatus.Accepted));
        Assert.That(lab.Connector.Connections, Is.EqualTo(connections + 1));
        Assert.That(lab.ChargePoint.IsConnected, Is.True);
        var security = lab.ChargePoint.ConnectionSecurity;
        Assert.That(security.Profile, Is.EqualTo(2));
        Assert.That(security.UsesTls, Is.True);
        Assert.That(security.CentralSystemRoots, Has.Count.EqualTo(1));
        Assert.That(lab.CentralSystem.SecurityEvents, Does.Contain(SecurityEventType.ReconfigurationOfSecurityParameters));
    }

    [Test]
    public async Task A_new_authorization_key_is_write_only_and_the_next_connection_uses_it()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"), (Keys.AuthorizationKey, "0123456789abcdef0123"));
        var connections = lab.Connector.Connections;

        var response = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.AuthorizationKey, Value = Key });
        await lab.Harness.AdvanceAsync(2);
        var read = await lab.CallAsync(new GetConfigurationRequest { Key = [Keys.AuthorizationKey] });

        Assert.That(response.Status, Is.EqualTo(ConfigurationStatus.Accepted));
        Assert.That(lab.Connector.Connections, Is.EqualTo(connections + 1));
        Assert.That(lab.ChargePoint.ConnectionSecurity.AuthorizationHeader, Is.EqualTo(OcppLab.ChargePoint.Transport.WebSocketFactory.BasicAuthorization("CP001", Key)));
        Assert.That(read.ConfigurationKey![0].Value, Is.Null);
    }

    [Test]
    public async Task An_authorization_key_shorter_than_16_characters_is_rejected()
    {
        await using var lab = new SecurityLab();
        await lab.BootAsync((Keys.SecurityProfile, "1"));

        var response = await lab.CallAsync(new ChangeConfigurationRequest { Key = Keys.AuthorizationKey, Value = "short" });

        Assert.That(response.Status, Is.EqualTo(ConfigurationStatus.Rejected));
    }

    [Test]
    public void Each_profile_presents_what_the_whitepaper_asks()
    {
        var url = new Uri("ws://cs.example:8180/ocpp/CP001");
        var none = new TransportSecurity(0, "CP001", Key, [], null);
        var basic = none with { Profile = 1 };
        var tls = none with { Profile = 2 };
        var mutual = none with { Profile = 3 };

        Assert.That(none.AuthorizationHeader, Is.Null);
        Assert.That(basic.AuthorizationHeader, Is.EqualTo(OcppLab.ChargePoint.Transport.WebSocketFactory.BasicAuthorization("CP001", Key)));
        Assert.That(basic.Endpoint(url), Is.EqualTo(url));
        Assert.That(tls.AuthorizationHeader, Is.Not.Null);
        Assert.That(tls.Endpoint(url), Is.EqualTo(new Uri("wss://cs.example:8180/ocpp/CP001")));
        Assert.That(mutual.AuthorizationHeader, Is.Null);
        Assert.That(mutual.UsesTls, Is.True);
    }
}
