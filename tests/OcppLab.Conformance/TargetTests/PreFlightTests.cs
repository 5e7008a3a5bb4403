namespace OcppLab.Conformance.TargetTests;

/// <summary>A wrong set-up stops the run with one message naming the setting to fix, not a string of failing cases.</summary>
public sealed class PreFlightTests
{
    [Test]
    public async Task A_wrong_password_fails_the_first_case_naming_the_setting_and_the_others_do_not_run()
    {
        var settings = CaseRun.ForeignTarget();
        settings.BasicAuthPassword = "NotTheStationsSecret";

        var results = await CaseRun.RunAsync(settings, SecurityProfileConnectionTests.RequiresBasicAuthentication, "TC_001_CSMS", "TC_003_CSMS");

        Assert.That(results[0].Outcome, Is.EqualTo(ScenarioOutcome.Failed));
        Assert.That(results[0].FailureMessage, Does.Contain("Pre-flight: ").And.Contain("HTTP 401").And.Contain("OCPPLAB_BASIC_AUTH_PASSWORD"));
        Assert.That(results.Skip(1).Select(r => r.Outcome), Has.All.EqualTo(ScenarioOutcome.Inconclusive));
        Assert.That(results[1].FailureMessage, Does.Contain("OCPPLAB_BASIC_AUTH_PASSWORD"));
    }

    [Test]
    public async Task A_valid_id_tag_the_csms_does_not_hold_is_named()
    {
        var settings = CaseRun.ForeignTarget();
        settings.ValidIdTag = "NOBODY";

        var results = await CaseRun.RunAsync(settings, SecurityProfileConnectionTests.RequiresBasicAuthentication, "TC_001_CSMS");

        Assert.That(results[0].FailureMessage, Does.Contain("Authorize of NOBODY with Invalid").And.Contain("OCPPLAB_VALID_ID_TAG"));
    }

    [Test]
    public async Task An_unregistered_charge_point_is_named()
    {
        var settings = CaseRun.ForeignTarget();
        settings.ChargePointId = "OCPPLAB-CP99";

        var results = await CaseRun.RunAsync(settings, SecurityProfileConnectionTests.RequiresBasicAuthentication, "TC_001_CSMS");

        Assert.That(results[0].FailureMessage, Does.Contain("HTTP 403").And.Contain("OCPPLAB_CHARGE_POINT_ID"));
    }

    [Test]
    public async Task A_current_security_profile_that_is_not_declared_is_named()
    {
        var settings = CaseRun.ForeignTarget(securityProfiles: "2");
        settings.CurrentSecurityProfile = 1;

        var results = await CaseRun.RunAsync(settings, SecurityProfileConnectionTests.RequiresBasicAuthentication, "TC_001_CSMS");

        Assert.That(results[0].FailureMessage, Does.Contain("OCPPLAB_CURRENT_SECURITY_PROFILE: 1 is not among the declared security profiles (2)"));
    }

    [Test]
    public async Task An_unknown_profile_name_is_named_with_the_allowed_ones()
    {
        var settings = CaseRun.ForeignTarget();
        settings.Profiles = "Core,SmartCharing";

        var results = await CaseRun.RunAsync(settings, SecurityProfileConnectionTests.RequiresBasicAuthentication, "TC_001_CSMS");

        Assert.That(results[0].FailureMessage, Does.Contain("OCPPLAB_PROFILES: 'SmartCharing' is no feature profile; allowed: Core, FirmwareManagement"));
    }
}
