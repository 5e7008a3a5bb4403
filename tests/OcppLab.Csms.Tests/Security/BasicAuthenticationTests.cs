using System.Net.WebSockets;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.Security;

public sealed class BasicAuthenticationTests
{
    private const string Password = "OcppLabSecret0001";

    private static CsmsFactory Csms(int profile = 1, string key = Password) => new(new Dictionary<string, string?>
    {
        ["Csms:ChargePoints:0:Id"] = "CP001",
        ["Csms:ChargePoints:0:SecurityProfile"] = profile.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Csms:ChargePoints:0:AuthorizationKey"] = key,
    });

    [Test]
    public async Task A_profile_1_station_without_credentials_is_refused_with_401_before_the_upgrade()
    {
        await using var csms = Csms();

        var (socket, status) = await Upgrade.TryAsync(csms, "CP001");

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_401()
    {
        await using var csms = Csms();

        var (socket, status) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", "OcppLabSecret9999"));

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task A_user_name_other_than_the_charge_point_identity_is_refused()
    {
        await using var csms = Csms();

        var (socket, status) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP002", Password));

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task The_right_password_is_accepted_with_the_ocpp16_subprotocol()
    {
        await using var csms = Csms();

        var (socket, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", Password));
        using var open = socket;

        Assert.That(open?.SubProtocol, Is.EqualTo("ocpp1.6"));
    }

    [Test]
    public async Task A_key_configured_in_hex_is_matched_by_the_plain_password_and_by_its_hex_form()
    {
        var hex = Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(Password));
        await using var csms = Csms(key: hex);

        var (plain, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", Password));
        using var first = plain;
        var (asHex, _) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", hex.ToLowerInvariant()));
        using var second = asHex;

        Assert.That(plain, Is.Not.Null);
        Assert.That(asHex, Is.Not.Null);
    }

    [Test]
    public async Task A_profile_2_station_on_plain_ws_is_refused_even_with_the_right_password()
    {
        await using var csms = Csms(profile: 2);

        var (socket, status) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", Password));

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(403));
    }

    [Test]
    public async Task A_station_without_a_profile_offering_only_unsupported_subprotocols_is_refused()
    {
        await using var csms = new CsmsFactory();

        var (socket, status) = await Upgrade.TryAsync(csms, "CP009", subprotocols: ["ocpp0.1", "ocpp2.0.1"]);

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(400));
    }

    [Test]
    public async Task A_secured_station_offering_only_unsupported_subprotocols_is_refused_even_with_its_password()
    {
        await using var csms = Csms();

        var (socket, status) = await Upgrade.TryAsync(csms, "CP001", Upgrade.Basic("CP001", Password), ["ocpp0.1"]);

        Assert.That(socket, Is.Null);
        Assert.That(status, Is.EqualTo(400));
    }

    [Test]
    public async Task An_unknown_station_is_refused_when_registration_is_required()
    {
        await using var csms = new CsmsFactory(new Dictionary<string, string?>
        {
            ["Csms:Security:RefuseUnknownChargePoints"] = "true",
            ["Csms:ChargePoints:0:Id"] = "CP001",
        });

        var (unknown, status) = await Upgrade.TryAsync(csms, "CP999");
        var (known, _) = await Upgrade.TryAsync(csms, "CP001");
        using var open = known;

        Assert.That(unknown, Is.Null);
        Assert.That(status, Is.EqualTo(403));
        Assert.That(known, Is.Not.Null);
    }

    [Test]
    public async Task The_operator_sets_a_stations_profile_and_key_through_the_API()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var put = await PutAsync(http, "/api/charge-points/CP005/security", """{"securityProfile":1,"authorizationKey":"OcppLabSecret0005"}""");
        var (without, status) = await Upgrade.TryAsync(csms, "CP005");
        var (with, _) = await Upgrade.TryAsync(csms, "CP005", Upgrade.Basic("CP005", "OcppLabSecret0005"));
        using var open = with;

        Assert.That(put, Is.EqualTo(System.Net.HttpStatusCode.OK));
        Assert.That(without, Is.Null);
        Assert.That(status, Is.EqualTo(401));
        Assert.That(with, Is.Not.Null);
    }

    [Test]
    public async Task A_key_of_the_wrong_length_is_refused_by_the_API()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var status = await PutAsync(http, "/api/charge-points/CP005/security", """{"securityProfile":1,"authorizationKey":"short"}""");

        Assert.That(status, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
    }

    private static async Task<System.Net.HttpStatusCode> PutAsync(HttpClient http, string path, string json)
    {
        using var response = await http.PutAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        return response.StatusCode;
    }
}
