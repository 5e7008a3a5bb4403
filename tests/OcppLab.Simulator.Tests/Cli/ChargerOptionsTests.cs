using OcppLab.Simulator.Cli;

namespace OcppLab.Simulator.Tests.Cli;

public sealed class ChargerOptionsTests
{
    [Test]
    public void Valid_options_parse_with_defaults()
    {
        var (options, error) = SimulatorCommandLine.ParseCharger(["--csms", "ws://localhost:9000/ocpp", "--id", "CP001", "--password", "secret"]);

        Assert.That(error, Is.Null);
        Assert.That(options!.CentralSystem, Is.EqualTo(new Uri("ws://localhost:9000/ocpp")));
        Assert.That(options.Id, Is.EqualTo("CP001"));
        Assert.That(options.Password, Is.EqualTo("secret"));
        Assert.That(options.Template.NumberOfConnectors, Is.EqualTo(2));
    }

    [TestCase("--csms", "http://localhost", "--csms")]
    [TestCase("--id", "CP 1", "--id")]
    [TestCase("--connect-timeout", "soon", "--connect-timeout")]
    [TestCase("--template", "/no/such/file.json", "--template")]
    [TestCase("--colour", "red", "--colour")]
    public void A_bad_value_names_its_option(string option, string value, string named)
    {
        var (options, error) = SimulatorCommandLine.ParseCharger(["--csms", "ws://localhost/ocpp", "--id", "CP001", option, value]);

        Assert.That(options, Is.Null);
        Assert.That(error, Does.Contain(named));
    }

    [Test]
    public void A_template_overrides_the_defaults()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "template-test.json");
        File.WriteAllText(path, """{ "vendor": "Acme", "numberOfConnectors": 1, "fixedCable": true, "configuration": { "MeterValueSampleInterval": "10" } }""");

        var (options, _) = SimulatorCommandLine.ParseCharger(["--csms", "ws://localhost/ocpp", "--id", "CP001", "--template", path]);

        Assert.That(options!.Template.Vendor, Is.EqualTo("Acme"));
        Assert.That(options.Template.NumberOfConnectors, Is.EqualTo(1));
        Assert.That(options.Template.Configuration["MeterValueSampleInterval"], Is.EqualTo("10"));
    }

    [Test]
    public async Task The_command_exits_with_two_on_a_bad_option()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SimulatorCommandLine.RunAsync(["charger", "--csms", "nope"], Terminal.Captured(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.Contain("--csms"));
    }

    [Test]
    public void The_shipped_template_parses()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "..", "..", "simulator", "templates", "wallbox-22kw.json");

        var template = OcppLab.ChargePoint.ChargePointTemplate.FromJson(File.ReadAllText(path));

        Assert.That(template.Model, Is.EqualTo("Wallbox22"));
        Assert.That(template.Configuration, Contains.Key("MeterValueSampleInterval"));
    }
}
