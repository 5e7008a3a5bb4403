using OcppLab.Conformance.Drivers;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.TargetTests;

/// <summary>
/// Every case connects at the security profile the target declares, with the configured password, as OCTT
/// does: a Central System that requires Basic authentication of its stations runs the Core cases.
/// </summary>
public sealed class SecurityProfileConnectionTests
{
    /// <summary>
    /// Our CSMS configured by hand, as a team configures its own: one registered station on profile 1 with
    /// the lab's password, unknown stations refused, and the lab not allowed to provision anything.
    /// </summary>
    public static EmbeddedCsmsTarget RequiresBasicAuthentication() => RequiresBasicAuthentication("CSMS requiring HTTP Basic authentication");

    /// <summary>The same, with services of the Central System replaced by <paramref name="replace"/>.</summary>
    public static EmbeddedCsmsTarget RequiresBasicAuthentication(string description, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? replace = null) => new(
        description,
        replace,
        configuration: new Dictionary<string, string?>
        {
            ["Csms:ChargePoints:0:Id"] = "OCPPLAB-CP01",
            ["Csms:ChargePoints:0:SecurityProfile"] = "1",
            ["Csms:ChargePoints:0:AuthorizationKey"] = "OcppLabSecret0001",
            ["Csms:UnknownChargePoints"] = "Rejected",
            ["Csms:Security:RefuseUnknownChargePoints"] = "true",
        },
        provisionsSecurity: false);

    [Test]
    public async Task Core_cases_pass_against_a_csms_that_demands_basic_authentication()
    {
        var results = await CaseRun.RunAsync(CaseRun.ForeignTarget(), RequiresBasicAuthentication, "TC_001_CSMS", "TC_003_CSMS", "TC_012_CSMS");

        Assert.That(results.Select(r => (r.Name, r.Outcome, r.FailureMessage)), Has.All.Matches<(string Name, ScenarioOutcome Outcome, string? Message)>(r => r.Outcome == ScenarioOutcome.Passed));
    }

    [Test]
    public async Task A_wrong_password_is_refused_with_http_401_naming_the_case()
    {
        var settings = CaseRun.ForeignTarget();
        settings.BasicAuthPassword = "NotTheStationsSecret";

        var results = await CaseRun.RunAsync(settings, RequiresBasicAuthentication, "TC_001_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(results[0].FailureMessage, Does.Contain("HTTP 401"));
    }

    [Test]
    public void Without_a_declared_security_profile_the_charge_point_connects_at_profile_0()
    {
        var settings = CaseRun.ForeignTarget(securityProfiles: "");

        Assert.That(settings.ConnectionSecurityProfile, Is.Zero);
    }

    [Test]
    public void The_declared_current_profile_is_the_one_every_case_connects_at()
    {
        var settings = CaseRun.ForeignTarget(securityProfiles: "2,3");
        settings.CurrentSecurityProfile = 3;

        Assert.That(settings.ConnectionSecurityProfile, Is.EqualTo(3));
    }

    [Test]
    public async Task A_case_run_through_the_raw_relay_is_marked_as_relayed()
    {
        var settings = CaseRun.ForeignTarget();
        settings.UseRelay = true;
        var results = await CaseRun.RunAsync(settings, RequiresBasicAuthentication, "TC_013_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Passed), results[0].FailureMessage);
        Assert.That(results[0].Warnings, Has.One.StartsWith(OperatorClient.Relayed).And.Contain("Reset"));
    }
}
