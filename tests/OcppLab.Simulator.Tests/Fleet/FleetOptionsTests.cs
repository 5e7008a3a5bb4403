using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class FleetOptionsTests
{
    [Test]
    public void Every_option_is_read()
    {
        var (options, error) = SimulatorCommandLine.ParseFleet([
            "--csms", "ws://host:9000/ocpp", "--chargers", "10000", "--ramp", "500/s", "--duration", "10m",
            "--shard", "2/4", "--id-pattern", "CP{0:00000}", "--connectors", "3", "--seed", "7",
            "--session-gap", "90s", "--session-length", "1h", "--ev-demand", "11.5", "--report", "out/run",
            "--metrics-port", "9464", "--otlp", "http://localhost:4318", "--quiet"]);

        Assert.That(error, Is.Null);
        Assert.That(options!.CentralSystem, Is.EqualTo(new Uri("ws://host:9000/ocpp")));
        Assert.That(options.Chargers, Is.EqualTo(10000));
        Assert.That(options.RampPerSecond, Is.EqualTo(500));
        Assert.That(options.Duration, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(options.Shard, Is.EqualTo(new Shard(2, 4)));
        Assert.That(options.Template.NumberOfConnectors, Is.EqualTo(3));
        Assert.That(options.Seed, Is.EqualTo(7));
        Assert.That(options.Sessions.MeanGap, Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(options.Sessions.MeanLength, Is.EqualTo(TimeSpan.FromHours(1)));
        Assert.That(options.Sessions.MeanDemandAmperes, Is.EqualTo(11.5m));
        Assert.That(options.ReportPrefix, Is.EqualTo("out/run"));
        Assert.That(options.MetricsPort, Is.EqualTo(9464));
        Assert.That(options.Otlp, Is.EqualTo(new Uri("http://localhost:4318")));
        Assert.That(options.Quiet, Is.True);
        Assert.That(options.ToPlan(options.CentralSystem!).ChargerId(41), Is.EqualTo("CP00042"));
    }

    [Test]
    public void Without_options_the_fleet_runs_the_lab_defaults_against_the_embedded_central_system()
    {
        var (options, error) = SimulatorCommandLine.ParseFleet([]);

        Assert.That(error, Is.Null);
        Assert.That(options!.CentralSystem, Is.Null);
        Assert.That(options.Chargers, Is.EqualTo(50));
        Assert.That(options.RampPerSecond, Is.EqualTo(10));
        Assert.That(options.Duration, Is.Null);
        Assert.That(options.Shard, Is.EqualTo(Shard.Whole));
    }

    [Test]
    public void An_option_given_twice_takes_the_last_value()
    {
        var (options, error) = SimulatorCommandLine.ParseFleet(["--chargers", "10", "--ramp", "5/s", "--chargers", "20"]);

        Assert.That(error, Is.Null);
        Assert.That(options!.Chargers, Is.EqualTo(20));
        Assert.That(options.RampPerSecond, Is.EqualTo(5));
    }

    [TestCase("600/m", 10)]
    [TestCase("0.5/s", 0.5)]
    [TestCase("3600/h", 1)]
    public void Rates_come_in_several_units(string text, double perSecond) =>
        Assert.That(OptionValues.TryRate(text), Is.EqualTo(perSecond).Within(1e-9));

    [TestCase("--ramp", "5/x", "--ramp: '5/x' is not a rate like 500/s.")]
    [TestCase("--ramp", "0/s", "--ramp: '0/s' is not a rate like 500/s.")]
    [TestCase("--chargers", "many", "--chargers: 'many' is not a whole number from 1 to 1000000.")]
    [TestCase("--duration", "10x", "--duration: '10x' is not a duration like 90s, 10m or 1h.")]
    [TestCase("--shard", "3/2", "--shard: '3/2' is not a shard like 2/4 (k from 1 to n).")]
    [TestCase("--shard", "0/2", "--shard: '0/2' is not a shard like 2/4 (k from 1 to n).")]
    [TestCase("--csms", "http://x/ocpp", "--csms: 'http://x/ocpp' is not a ws:// or wss:// URL.")]
    [TestCase("--id-pattern", "CP", "--id-pattern: 'CP' does not contain {0}, so every number gives the same name (try CP{0:00000}).")]
    [TestCase("--id-pattern", "CP{1}", "--id-pattern: 'CP{1}' is not a format like CP{0:00000}.")]
    [TestCase("--otlp", "localhost:4318", "--otlp: 'localhost:4318' is not an http:// or https:// URL.")]
    public void A_bad_value_is_named_in_the_message(string option, string value, string message)
    {
        var (options, error) = SimulatorCommandLine.ParseFleet([option, value]);

        Assert.That(options, Is.Null);
        Assert.That(error, Is.EqualTo(message));
    }

    [Test]
    public void A_missing_value_and_an_unknown_option_are_reported()
    {
        Assert.That(SimulatorCommandLine.ParseFleet(["--chargers"]).Error, Is.EqualTo("Required argument missing for option: '--chargers'."));
        Assert.That(SimulatorCommandLine.ParseFleet(["--charger", "3"]).Error, Is.EqualTo("Unrecognized command or argument '--charger'."));
    }

    [Test]
    public async Task A_bad_option_exits_with_code_2_and_the_message_on_standard_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SimulatorCommandLine.RunAsync(["fleet", "--ramp", "5/x"], Terminal.Captured(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString().Trim(), Is.EqualTo("--ramp: '5/x' is not a rate like 500/s." + Environment.NewLine + "Run 'simulator fleet --help' to list the options."));
        Assert.That(output.ToString(), Is.Empty);
    }
}
