using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Cli;

/// <summary>The <c>charger</c> console fed commands as a person would type them, against a charge point on virtual time.</summary>
public sealed class ConsoleDriverTests
{
    private ChargePointHarness harness = null!;
    private StringWriter output = null!;
    private ConsoleDriver console = null!;

    [SetUp]
    public async Task BootAsync()
    {
        harness = new ChargePointHarness();
        output = new StringWriter();
        console = new ConsoleDriver(harness.ChargePoint, output, prompt: true);
        await harness.BootAsync();
    }

    [TearDown]
    public async Task StopAsync()
    {
        await harness.DisposeAsync();
        await output.DisposeAsync();
    }

    [Test]
    public async Task Help_lists_every_command_with_its_arguments()
    {
        var help = await RunAsync("help");

        Assert.That(help, Does.StartWith("commands (connector 1 to 2):"));
        Assert.That(help.Split(Environment.NewLine).Select(l => l.Length), Is.All.LessThan(80), "a line of help wraps on an 80-column terminal");
        Assert.That(help, Does.Contain("plug <connector>").And.Contain("card <connector> <idTag>").And.Contain("fault <connector> [errorCode]").And.Contain("status").And.Contain("quit"));
    }

    [TestCase("plug", "usage: plug <connector>")]
    [TestCase("card", "usage: card <connector> <idTag>")]
    [TestCase("card 1", "usage: card <connector> <idTag>")]
    [TestCase("plug 1 2", "usage: plug <connector>")]
    [TestCase("status now", "usage: status")]
    public async Task A_command_with_an_argument_missing_or_too_many_gets_its_usage_line(string line, string usage) =>
        Assert.That(await RunAsync(line), Is.EqualTo(usage));

    [TestCase("plug 9", "connector 9 does not exist; this charge point has 2 (use 1 to 2).")]
    [TestCase("card 3 VALID001", "connector 3 does not exist; this charge point has 2 (use 1 to 2).")]
    [TestCase("plug 0", "connector 0 does not exist; this charge point has 2 (use 1 to 2).")]
    [TestCase("plug one", "'one' is not a connector number; use 1 to 2.")]
    [TestCase("fault 7", "connector 7 does not exist; this charge point has 2 (use 0 (the charge point) or 1 to 2).")]
    [TestCase("fault 1 Sparks", "'Sparks' is not an error code; use one of ConnectorLockFailure, EVCommunicationError, GroundFailure, HighTemperature, InternalError, LocalListConflict, OtherError, OverCurrentFailure, OverVoltage, PowerMeterFailure, PowerSwitchFailure, ReaderFailure, ResetFailure, UnderVoltage, WeakSignal.")]
    public async Task Bad_input_is_answered_in_words(string line, string answer)
    {
        Assert.That(await RunAsync(line), Is.EqualTo(answer));
        Assert.That(harness.ChargePoint.StatusOf(1), Is.EqualTo(ChargePointStatus.Available));
    }

    [Test]
    public async Task An_unknown_command_points_to_help_and_suggests_a_near_one()
    {
        Assert.That(await RunAsync("plgu 1"), Is.EqualTo("unknown command 'plgu' (did you mean plug?); type 'help' for the commands."));
        Assert.That(await RunAsync("stat"), Is.EqualTo("unknown command 'stat' (did you mean status?); type 'help' for the commands."));
        Assert.That(await RunAsync("xyzzy"), Is.EqualTo("unknown command 'xyzzy'; type 'help' for the commands."));
    }

    [Test]
    public async Task Status_shows_the_station_and_per_connector_the_state_transaction_energy_and_power()
    {
        Assert.That(await RunAsync("plug 1"), Is.EqualTo("connector 1: plugged in"));
        Assert.That(await RunAsync("card 1 VALID001"), Is.EqualTo("connector 1: card VALID001 Accepted"));
        await harness.AdvanceAsync(TimeSpan.FromMinutes(6));

        var status = (await RunAsync("status")).Split(Environment.NewLine);

        Assert.That(status[0], Is.EqualTo("CP001: online, powered, booted; station Available"));
        Assert.That(status[1], Does.StartWith("connector").And.Contain("state").And.Contain("transaction").And.Contain("energy").And.Contain("power"));
        Assert.That(status[2], Does.Match(@"^1 +Charging +101 +\d+\.\d{3} kWh +\d+\.\d kW$"));
        Assert.That(status[2], Does.Not.Contain(" 0.000 kWh"));
        Assert.That(status[3], Does.Match(@"^2 +Available +- +- +0\.0 kW$"));
    }

    [Test]
    public async Task Status_says_when_the_station_is_offline_and_without_power()
    {
        await RunAsync("offline");
        await harness.SettleAsync();
        Assert.That((await RunAsync("status")).Split(Environment.NewLine)[0], Does.StartWith("CP001: offline (network down), powered, booted"));

        await RunAsync("online");
        await harness.SettleAsync();
        await RunAsync("power-off");
        await harness.SettleAsync();
        Assert.That((await RunAsync("status")).Split(Environment.NewLine)[0], Does.StartWith("CP001: offline, power off, not booted"));
    }

    [Test]
    public async Task The_console_shows_a_prompt_answers_each_line_and_stops_on_quit()
    {
        using var input = new StringReader("help\nplug 9\nplug 1\nquit\nplug 2\n");

        await console.RunAsync(input, CancellationToken.None);

        var text = output.ToString();
        Assert.That(text, Does.StartWith("CP001> commands (connector 1 to 2):"));
        Assert.That(text, Does.Contain("CP001> connector 9 does not exist; this charge point has 2 (use 1 to 2)."));
        Assert.That(text, Does.Contain("CP001> connector 1: plugged in" + Environment.NewLine + "CP001> "));
        Assert.That(text, Does.Not.Contain("connector 2: plugged in"));
        Assert.That(harness.ChargePoint.StatusOf(2), Is.EqualTo(ChargePointStatus.Available));
    }

    private async Task<string> RunAsync(string line)
    {
        var answer = await console.ExecuteAsync(line, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        await harness.SettleAsync();
        return answer;
    }
}
