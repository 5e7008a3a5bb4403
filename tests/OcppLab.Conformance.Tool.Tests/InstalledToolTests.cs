using OcppLab.Conformance.Support.Reporting;

namespace OcppLab.Conformance.Tool.Tests;

/// <summary>
/// ocpplab conformance installed from a locally packed package and run against our Central System on a loopback
/// port: the exit code and the report are what a CI job of a CSMS team would read.
/// </summary>
[TestFixture]
[Category("Tool")]
[NonParallelizable]
public sealed class InstalledToolTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private PackedTool tool = null!;
    private CentralSystemOnLoopback csms = null!;

    [OneTimeSetUp]
    public async Task Install()
    {
        tool = await PackedTool.InstallAsync();
        csms = await CentralSystemOnLoopback.StartAsync();
    }

    [OneTimeTearDown]
    public async Task Remove()
    {
        if (csms is not null)
        {
            await csms.DisposeAsync();
        }

        tool?.Dispose();
    }

    [Test]
    public async Task Core_cases_pass_against_our_Central_System_on_Security_Profile_1()
    {
        var report = Path.Combine(tool.Root, "report-pass");
        var run = await tool.RunAsync(
            RunTimeout,
            "conformance", "--csms", csms.OcppUrl.ToString(), "--operator", csms.Address.ToString(),
            "--security-profile", "1", "--password", CentralSystemOnLoopback.Password,
            "--profiles", "Core", "--filter", "TC_001_CSMS,TC_003_CSMS,TC_010_CSMS", "--report", report);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Output + run.Error);
        var markdown = await File.ReadAllTextAsync(Path.Combine(report, ConformanceReport.MarkdownFileName));
        Assert.Multiple(() =>
        {
            Assert.That(run.Output, Does.Contain("Core: PASS (3 of 3 applicable cases run, 3 passed, 0 failed)"));
            Assert.That(markdown, Does.Contain("| Core | PASS |"));
            Assert.That(File.Exists(Path.Combine(report, ConformanceReport.JUnitFileName)), Is.True);
            Assert.That(markdown, Does.Contain("--security-profile"), "the settings say where each came from");
        });
    }

    [Test]
    public async Task The_installed_tool_carries_the_operator_contract_and_prints_it()
    {
        var run = await tool.RunAsync(RunTimeout, "conformance", "contract");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Passed), run.Error);
        Assert.That(run.Output, Does.StartWith("# The manual-action contract").And.Contain("/api/charge-points/{chargePointId}/manual/set-charging-profile:"));
    }

    [Test]
    public async Task A_wrong_password_stops_the_run_as_a_set_up_error_naming_the_setting()
    {
        var report = Path.Combine(tool.Root, "report-401");
        var run = await tool.RunAsync(
            RunTimeout,
            "conformance", "--csms", csms.OcppUrl.ToString(), "--operator", csms.Address.ToString(),
            "--security-profile", "1", "--password", "NotTheStationsPassword",
            "--filter", "TC_001_CSMS,TC_003_CSMS", "--report", report);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.SetUpError), run.Output + run.Error);
        Assert.That(run.Output, Does.Contain("Pre-flight failed").And.Contain("BASIC_AUTH_PASSWORD"));
    }

    [Test]
    public async Task A_value_that_is_not_allowed_is_a_usage_error_naming_it()
    {
        var run = await tool.RunAsync(RunTimeout, "conformance", "--csms", csms.OcppUrl.ToString(), "--security-profile", "4");

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.UsageError), run.Output + run.Error);
        Assert.That(run.Error, Does.Contain("--security-profile: '4' is not allowed for SecurityProfiles; it takes a comma-separated list of 1, 2 and 3"));
    }
}
