using System.Net;
using System.Text;
using OcppLab.Csms.Tests.Support;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Tests.Security;

public sealed class SecurityChangeFlowTests
{
    private const string OldPassword = "OcppLabSecret0001";
    private const string NewPassword = "OcppLabSecret0002";

    private static CsmsFactory Csms() => new(new Dictionary<string, string?>
    {
        ["Csms:ChargePoints:0:Id"] = "CP001",
        ["Csms:ChargePoints:0:SecurityProfile"] = "1",
        ["Csms:ChargePoints:0:AuthorizationKey"] = OldPassword,
    });

    [Test]
    public async Task An_accepted_AuthorizationKey_change_makes_the_new_password_the_only_one()
    {
        await using var csms = Csms();
        await using (var cp = await Connect(csms, ConfigurationStatus.Accepted))
        {
            await ChangeAsync(csms, "AuthorizationKey", Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword)));
        }

        var (old, oldStatus) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", OldPassword));
        var (renewed, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", NewPassword));
        using var open = renewed;

        Assert.That(old, Is.Null);
        Assert.That(oldStatus, Is.EqualTo(401));
        Assert.That(renewed, Is.Not.Null);
    }

    [Test]
    public async Task A_rejected_AuthorizationKey_change_keeps_the_old_password()
    {
        await using var csms = Csms();
        await using (var cp = await Connect(csms, ConfigurationStatus.Rejected))
        {
            await ChangeAsync(csms, "AuthorizationKey", Convert.ToHexString(Encoding.UTF8.GetBytes(NewPassword)));
        }

        var (old, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", OldPassword));
        using var open = old;
        var (renewed, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", NewPassword));

        Assert.That(old, Is.Not.Null);
        Assert.That(renewed, Is.Null);
    }

    [Test]
    public async Task An_accepted_SecurityProfile_upgrade_closes_the_lower_profile_once_the_station_used_the_higher_one()
    {
        await using var csms = Csms();
        await using (var cp = await Connect(csms, ConfigurationStatus.Accepted))
        {
            await ChangeAsync(csms, "SecurityProfile", "2");
        }

        // Until the station comes back at profile 2 it may still use profile 1 (it may fail to reach the new endpoint).
        var (stillOld, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", OldPassword));
        stillOld?.Dispose();
        await using (var tls = await TlsFront.StartAsync(csms))
        {
            var (upgraded, status) = await tls.TryAsync("CP001", Upgrade.Basic("CP001", OldPassword));
            using var open = upgraded;
            Assert.That(upgraded, Is.Not.Null, $"refused with {status}");
        }

        var (downgrade, downgradeStatus) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", OldPassword));

        Assert.That(stillOld, Is.Not.Null);
        Assert.That(downgrade, Is.Null);
        Assert.That(downgradeStatus, Is.EqualTo(403));
    }

    private static Task<TestChargePoint> Connect(CsmsFactory csms, ConfigurationStatus answer) =>
        TestChargePoint.ConnectAsync(
            csms,
            "CP001",
            r => r.Map<ChangeConfigurationRequest, ChangeConfigurationResponse>((_, _, _) => ValueTask.FromResult(new ChangeConfigurationResponse { Status = answer })),
            authorization: Upgrade.Basic("CP001", OldPassword));

    private static async Task ChangeAsync(CsmsFactory csms, string key, string value)
    {
        using var http = csms.CreateClient();
        using var response = await http.PostAsync(
            "/api/charge-points/CP001/calls/ChangeConfiguration",
            new StringContent($$"""{"key":"{{key}}","value":"{{value}}"}""", Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
