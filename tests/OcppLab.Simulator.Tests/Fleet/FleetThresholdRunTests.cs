using System.Xml.Linq;
using OcppLab.Simulator.Cli;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>
/// The fleet as a CI job runs it: a short real run against the embedded Central System on a free port,
/// thresholds on the command line, the exit code, the JUnit file and the report.
/// </summary>
public sealed class FleetThresholdRunTests
{
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-thresholds", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public async Task A_failed_threshold_gives_exit_code_99_a_JUnit_failure_and_its_verdict_in_the_report(CancellationToken cancellationToken)
    {
        var junit = Path.Combine(folder, "thresholds.xml");
        var (code, output, error) = await RunAsync(
            cancellationToken,
            "fleet", "--urls", "http://127.0.0.1:0", "--chargers", "3", "--ramp", "100/s", "--duration", "10s", "--quiet",
            "--report", Path.Combine(folder, "report"), "--junit", junit,
            "--threshold", "connected>=100%", "--threshold", "p99(BootNotification)<0.001ms");

        Assert.That(code, Is.EqualTo(ExitCodes.ThresholdsFailed), output + error);
        Assert.That(error, Does.Contain("1 of 2 thresholds failed."));
        var cases = XDocument.Load(junit).Descendants("testcase").ToList();
        Assert.That(cases.Select(c => (string?)c.Attribute("name")), Is.EqualTo(new[] { "connected>=100%", "p99(BootNotification)<0.001ms" }));
        Assert.That(cases.Select(c => c.Element("failure") is null), Is.EqualTo(new[] { true, false }));
        var markdown = await File.ReadAllTextAsync(Path.Combine(folder, "report.md"), cancellationToken);
        Assert.That(markdown, Does.Contain("## Thresholds: 1 of 2 failed"));
        Assert.That(markdown, Does.Contain("| `connected>=100%` | 100% (3 of 3) | pass |"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task Thresholds_that_all_pass_give_exit_code_0(CancellationToken cancellationToken)
    {
        var (code, output, error) = await RunAsync(
            cancellationToken,
            "fleet", "--urls", "http://127.0.0.1:0", "--chargers", "2", "--ramp", "100/s", "--duration", "10s", "--quiet",
            "--report", Path.Combine(folder, "report"), "--threshold", "booted>=100%", "--threshold", "errors==0");

        Assert.That(code, Is.EqualTo(ExitCodes.Success), output + error);
        Assert.That(output, Does.Contain("pass  booted>=100%"));
    }

    [Test]
    public async Task A_bad_threshold_is_a_usage_error_that_names_it()
    {
        var (code, _, error) = await RunAsync(CancellationToken.None, "fleet", "--threshold", "p99<5ms");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("--threshold: 'p99<5ms': p99 needs the action it measures"));
    }

    [Test]
    public async Task A_scenario_file_with_a_mistake_is_a_usage_error_that_names_the_place()
    {
        var file = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(file, """{ "stages": [ { "duration": "1m", "target": 10 } ], "thresholds": ["p99(Authorize)<5%"] }""");

        var (code, _, error) = await RunAsync(CancellationToken.None, "fleet", "--scenario", file);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("thresholds[0]: 'p99(Authorize)<5%': a latency is compared in ms or s"));
    }

    [Test]
    public void A_scenario_sets_the_fleet_size_and_its_thresholds_join_those_of_the_command_line()
    {
        var file = Path.Combine("..", "..", "..", "..", "..", "simulator", "scenarios", "boot-storm.json");
        var (options, error) = SimulatorCommandLine.ParseFleet(["--scenario", Path.Combine(TestContext.CurrentContext.TestDirectory, file), "--threshold", "errors==0"]);

        Assert.That(error, Is.Null);
        Assert.That(options!.Chargers, Is.EqualTo(500));
        Assert.That(options.RunTime, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.Thresholds.Select(t => t.Expression), Is.EqualTo(new[] { "p99(BootNotification)<2s", "errors<1%", "errors==0" }));
        Assert.That(options.ToPlan(new Uri("ws://127.0.0.1/ocpp")).Scenario!.Faults, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_scenario_and_chargers_together_are_refused()
    {
        var file = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "simulator", "scenarios", "boot-storm.json");
        var (_, error) = SimulatorCommandLine.ParseFleet(["--scenario", file, "--chargers", "5"]);

        Assert.That(error, Does.Contain("--scenario: its stages set the fleet's size (a peak of 500)"));
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimulatorCommandLine.RunAsync(args, Terminal.Captured(output, error), cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
