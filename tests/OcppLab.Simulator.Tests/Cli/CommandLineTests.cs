using System.Net;
using System.Net.Sockets;
using OcppLab.Simulator.Cli;

namespace OcppLab.Simulator.Tests.Cli;

/// <summary>The simulator's command line as a person meets it: help, usage errors, exit codes, failures in one line.</summary>
public sealed class CommandLineTests
{
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-cli", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public async Task Without_a_command_the_usage_goes_to_standard_error_and_the_exit_code_is_2()
    {
        var (code, output, error) = await RunAsync();

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(output, Is.Empty);
        Assert.That(error, Does.StartWith("A command is required: charger or fleet.").And.Contain("Usage:").And.Contain("charger").And.Contain("fleet"));
    }

    [TestCase(new string[] { "--help" }, "Commands:")]
    [TestCase(new[] { "fleet", "--help" }, "--chargers <n>")]
    [TestCase(new[] { "fleet", "-h" }, "--security-profile <n>")]
    [TestCase(new[] { "charger", "--help" }, "card <c> <idTag>")]
    public async Task Help_is_printed_on_standard_output_with_exit_code_0(string[] args, string shown)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.That(code, Is.EqualTo(ExitCodes.Success));
        Assert.That(output, Does.Contain("Usage:").And.Contain(shown));
        Assert.That(error, Is.Empty);
    }

    [TestCase("fleet", new[] { "--chargers", "3", "--bogus" }, "--bogus")]
    [TestCase("fleet", new[] { "--bogus" }, "--bogus")]
    [TestCase("charger", new[] { "--csms", "ws://127.0.0.1/ocpp", "--id", "CP1", "--bogus" }, "--bogus")]
    public async Task An_unknown_option_in_last_position_is_named_as_unknown_not_as_missing_its_value(string command, string[] args, string option)
    {
        var (code, _, error) = await RunAsync([command, .. args]);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith($"Unrecognized command or argument '{option}'."));
        Assert.That(error, Does.Not.Contain("missing"));
        Assert.That(error, Does.Contain($"Run 'simulator {command} --help' to list the options."));
    }

    [TestCase("fleet", "--charger", "--chargers")]
    [TestCase("fleet", "--sesion-gap", "--session-gap")]
    [TestCase("charger", "--passwrd", "--password")]
    public async Task A_mistyped_option_gets_a_suggestion(string command, string typed, string meant)
    {
        var (code, output, error) = await RunAsync(command, typed, "3");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain($"'{typed}' was not matched. Did you mean one of the following?").And.Contain(meant));
        Assert.That(output, Is.Empty);
    }

    [Test]
    public async Task An_unknown_command_is_named_with_a_suggestion()
    {
        var (code, _, error) = await RunAsync("fleat");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.Contain("'fleat'").And.Contain("fleet"));
    }

    [Test]
    public async Task The_charger_command_names_its_missing_required_options()
    {
        var (code, _, error) = await RunAsync("charger", "--csms", "ws://127.0.0.1/ocpp");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("Option '--id' is required."));
    }

    [Test]
    public async Task The_embedded_central_system_and_csms_are_exclusive()
    {
        var (code, _, error) = await RunAsync("fleet", "--csms", "ws://127.0.0.1:9/ocpp", "--urls", "http://127.0.0.1:0");

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith("--urls: the embedded Central System is not started with --csms ws://127.0.0.1:9/ocpp; leave one of them out."));
    }

    [TestCase("--urls", "ftp://x", "--urls: 'ftp://x' is not an http:// URL.")]
    [TestCase("--chargers", "0", "--chargers: '0' is not a whole number from 1 to 1000000.")]
    [TestCase("--chargers", "-5", "--chargers: '-5' is not a whole number from 1 to 1000000.")]
    [TestCase("--seed", "x", "--seed: 'x' is not a whole number.")]
    [TestCase("--ev-demand", "lots", "--ev-demand: 'lots' is not a current in amperes like 16.")]
    public async Task A_bad_value_names_the_option_the_value_and_what_is_allowed(string option, string value, string message)
    {
        var (code, _, error) = await RunAsync("fleet", option, value);

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error, Does.StartWith(message));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_fleet_of_which_no_charge_point_connected_exits_with_1_and_says_why(CancellationToken cancellationToken)
    {
        var (code, output, error) = await RunAsync(
            cancellationToken,
            "fleet", "--csms", $"ws://127.0.0.1:{ClosedPort()}/ocpp", "--chargers", "2", "--ramp", "100/s", "--duration", "2s", "--quiet", "--report", Path.Combine(folder, "report"));

        Assert.That(code, Is.EqualTo(ExitCodes.RunFailed), output + error);
        Assert.That(error, Does.StartWith("None of the 2 charge points connected to ws://127.0.0.1:"));
        Assert.That(error, Does.Not.Contain("   at "));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_busy_port_for_the_embedded_central_system_is_one_line_with_what_to_do_and_exit_code_1(CancellationToken cancellationToken)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (code, _, error) = await RunAsync(cancellationToken, "fleet", "--urls", $"http://127.0.0.1:{port}", "--duration", "1s", "--report", Path.Combine(folder, "report"));

        Assert.That(code, Is.EqualTo(ExitCodes.RunFailed));
        Assert.That(error.Trim().Split('\n'), Has.Length.EqualTo(1), error);
        Assert.That(error, Does.StartWith($"The embedded Central System could not listen on http://127.0.0.1:{port}: ").And.Contain($"--csms ws://127.0.0.1:{port}/ocpp").And.Contain("--urls http://127.0.0.1:0"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_same_busy_port_with_verbose_adds_the_stack_trace(CancellationToken cancellationToken)
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var (code, _, error) = await RunAsync(cancellationToken, "fleet", "--urls", $"http://127.0.0.1:{port}", "--verbose", "--report", Path.Combine(folder, "report"));

        Assert.That(code, Is.EqualTo(ExitCodes.RunFailed));
        Assert.That(error, Does.Contain("   at "));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_charger_against_a_dead_url_logs_each_retry_in_one_line_without_a_stack_trace(CancellationToken cancellationToken)
    {
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = SimulatorCommandLine.RunAsync(
            ["charger", "--csms", $"ws://127.0.0.1:{ClosedPort()}/ocpp", "--id", "CP001", "--connect-timeout", "2", "--quiet"],
            Terminal.Captured(output, error),
            stop.Token);

        string Read()
        {
            lock (output)
            {
                return text.ToString();
            }
        }

        while (!Read().Contains("could not connect", StringComparison.Ordinal) && !run.IsCompleted)
        {
            await Task.Delay(50, cancellationToken);
        }

        await stop.CancelAsync();
        Assert.That(await run, Is.EqualTo(ExitCodes.Success), error.ToString());
        var line = Read().Split(Environment.NewLine).First(l => l.Contains("could not connect", StringComparison.Ordinal));
        Assert.That(line, Does.Contain("warn CP001 could not connect (attempt 1)").And.Contain("Connection refused"));
        Assert.That(Read(), Does.Not.Contain("   at "));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(CancellationToken.None, args);

    private static async Task<(int Code, string Output, string Error)> RunAsync(CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimulatorCommandLine.RunAsync(args, Terminal.Captured(output, error), cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}
