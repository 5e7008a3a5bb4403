using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.StepDefinitions;

/// <summary>The WebSocket handshake: subprotocols (TC_088), HTTP Basic credentials (Security Profiles 1/2), TLS (2/3).</summary>
[Binding]
public sealed class ConnectionSteps(LabChargePoint chargePoint, LabSettings settings, LabCertificates certificates, ScenarioContext scenario)
{
    private string password = settings.BasicAuthPassword;

    /// <summary>
    /// Security cases apply according to the profiles the target declares (octt16-csms.md §1.2 c). The case
    /// runs at the charge point's current profile when the case allows it, else at the first profile it names;
    /// the station gets that profile and the configured password in the CSMS, as OCTT's tester sets it up.
    /// </summary>
    [Given("^the CSMS declares Security Profile (\\d)(?: or (\\d))?$")]
    public Task DeclaresSecurityProfile(int profile, int? other)
    {
        var declared = settings.DeclaredSecurityProfiles;
        if (!declared.Contains(profile) && !(other is { } o && declared.Contains(o)))
        {
            Assert.Ignore($"Not applicable: the target declares security profiles [{string.Join(", ", declared)}] (OCPPLAB_SECURITY_PROFILES); this case needs {profile}{(other is null ? "" : " or " + other)}.");
        }

        int[] allowed = other is { } second ? [profile, second] : [profile];
        var chosen = allowed.Contains(settings.CurrentSecurityProfile) && declared.Contains(settings.CurrentSecurityProfile)
            ? settings.CurrentSecurityProfile
            : allowed.First(declared.Contains);
        return UseProfileAsync(chosen);
    }

    /// <summary>Cases that apply with any security profile (TC_079, and TC_080/081 with Firmware Management).</summary>
    [Given("^the CSMS declares a security profile$")]
    public Task DeclaresAnySecurityProfile()
    {
        var declared = settings.DeclaredSecurityProfiles;
        if (declared.Count == 0)
        {
            Assert.Ignore("Not applicable: the target declares no security profile (OCPPLAB_SECURITY_PROFILES).");
        }

        return UseProfileAsync(declared.Contains(settings.CurrentSecurityProfile) ? settings.CurrentSecurityProfile : declared[0]);
    }

    /// <summary>TC_083's precondition: the charge point is on its current profile (1 or 2), the one it upgrades from.</summary>
    [Given("^the charge point is on its current security profile$")]
    public Task OnCurrentProfile() => UseProfileAsync(settings.CurrentSecurityProfile);

    [When("^the charge point opens a WebSocket offering only the subprotocol (\\S+)$")]
    public Task OfferOnly(string subprotocol) => chargePoint.TryConnectAsync([subprotocol]);

    [When("^the charge point opens a WebSocket offering the subprotocols (\\S+(?:, \\S+)+)$")]
    public Task Offer(string subprotocols) => chargePoint.TryConnectAsync(subprotocols.Split(", "));

    [When("^the charge point opens a WebSocket without credentials$")]
    public Task WithoutCredentials() => chargePoint.TryConnectAsync();

    /// <summary>Basic credentials: the user name is the charge point identity (TC_085_CS), the password the configured one.</summary>
    [Given("^the charge point opens a WebSocket with Basic credentials and the (configured|new|old) password$")]
    [When("^the charge point opens a WebSocket with Basic credentials and the (configured|new|old) password$")]
    public Task WithPassword(string which)
    {
        var chosen = which == "new" ? settings.NewBasicAuthPassword : settings.BasicAuthPassword;
        password = chosen;
        return chargePoint.TryConnectAsync(authorization: Basic(chosen));
    }

    [When("^the charge point opens a WebSocket over TLS( with Basic credentials)?( presenting its client certificate)?$")]
    public Task OverTls(string basic, string clientCertificate) => clientCertificate.Length > 0
        ? chargePoint.TryConnectAtProfileAsync(3, basic.Length > 0 ? chargePoint.Basic(password) : null)
        : chargePoint.TryConnectAtProfileAsync(2, basic.Length > 0 ? chargePoint.Basic(password) : null);

    [When("^the charge point reconnects at the next security profile$")]
    public async Task NextProfile()
    {
        // 1 → 2: TLS with Basic credentials; 2 → 3: TLS with a client certificate.
        var next = settings.CurrentSecurityProfile + 1;
        if (next == 3 && chargePoint.ClientCertificate is null)
        {
            chargePoint.ClientCertificate = settings.LoadClientCertificate() ?? chargePoint.Target.IssueClientCertificate(chargePoint.Id, certificates.ChargePointKey);
        }

        var attempt = await chargePoint.TryConnectAtProfileAsync(next);
        if (attempt.Accepted)
        {
            chargePoint.SecurityProfile = next;
        }
    }

    [When("^the charge point reconnects at its old security profile$")]
    public Task OldProfile() => settings.CurrentSecurityProfile switch
    {
        1 => chargePoint.TryConnectAsync(authorization: Basic(password)),
        _ => OverTls(" with Basic credentials", ""),
    };

    [Then("^the CSMS refuses the upgrade$")]
    public void Refused()
    {
        var attempt = chargePoint.LastAttempt ?? throw new InvalidOperationException("No upgrade was attempted.");
        if (attempt.Accepted)
        {
            throw new AssertionException($"The CSMS accepted the WebSocket upgrade (subprotocol '{chargePoint.AgreedSubprotocol}'); it must refuse it.");
        }
    }

    [Then("^the CSMS refuses the upgrade with HTTP (\\d{3})$")]
    public void RefusedWith(int status)
    {
        Refused();
        var actual = chargePoint.LastAttempt!.RefusedWithStatus;
        Assert.That(actual == status, $"The CSMS refused the upgrade with HTTP {actual?.ToString(CultureInfo.InvariantCulture) ?? "?"}; expected {status.ToString(CultureInfo.InvariantCulture)} ({chargePoint.LastAttempt.Error}).");
    }

    [Then("^the CSMS accepts the upgrade$")]
    public void Accepted()
    {
        var attempt = chargePoint.LastAttempt ?? throw new InvalidOperationException("No upgrade was attempted.");
        if (!attempt.Accepted)
        {
            throw new AssertionException($"The CSMS refused the WebSocket upgrade (HTTP {attempt.RefusedWithStatus?.ToString(CultureInfo.InvariantCulture) ?? "?"}): {attempt.Error}");
        }
    }

    [Then("^the CSMS accepts the upgrade with the subprotocol (\\S+)$")]
    public void AcceptedWith(string subprotocol)
    {
        Accepted();
        Assert.That(chargePoint.AgreedSubprotocol == subprotocol, $"Sec-WebSocket-Protocol of the upgrade response is '{chargePoint.AgreedSubprotocol}'; expected '{subprotocol}'.");
    }

    [Then("^the CSMS's TLS endpoint meets OCTT's TLS requirements$")]
    public async Task TlsRequirements()
    {
        using (var start = new CancellationTokenSource(settings.CallTimeout))
        {
            await chargePoint.Target.PrepareTlsAsync(start.Token);
        }

        var tls = chargePoint.Target.TlsBaseUri
            ?? throw new AssertionException("The target offers no wss:// endpoint (OCPPLAB_CSMS_TLS_URL), so its TLS handshake cannot be checked.");
        using var timeout = new CancellationTokenSource(settings.CallTimeout);
        var probe = await TlsProbe.CheckAsync(tls, clientCertificate: null, timeout.Token);
        foreach (var note in probe.Notes)
        {
            scenario.Log($"TLS probe of {tls}: {note}");
        }

        if (probe.Problems.Count > 0)
        {
            throw new AssertionException("The TLS endpoint does not meet OCTT's requirements: " + string.Join("; ", probe.Problems));
        }
    }

    private AuthenticationHeaderValue Basic(string secret) => chargePoint.Basic(secret);

    private Task UseProfileAsync(int profile) => chargePoint.UseSecurityProfileAsync(profile);
}
