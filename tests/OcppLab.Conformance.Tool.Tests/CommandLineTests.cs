using System.Reflection;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Tool.Tests;

/// <summary>The command line in process: help, usage errors and their exit code, before anything connects.</summary>
public sealed class CommandLineTests
{
    [Test]
    public async Task Help_lists_every_setting_with_its_environment_variable_and_default()
    {
        var (code, output, _) = await InvokeAsync("conformance", "--help");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed));
        var settings = typeof(LabSettings).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).ToList();
        Assert.That(settings, Has.Count.GreaterThan(40));
        Assert.Multiple(() =>
        {
            foreach (var setting in settings)
            {
                Assert.That(output, Does.Contain("env " + LabSettings.EnvironmentName(setting.Name)), setting.Name);
            }

            Assert.That(output, Does.Contain("ocpplab conformance [command] [options]"));
            Assert.That(output, Does.Contain("contract").And.Contain("Print the operator contract"));
            Assert.That(output, Does.Contain("--csms, --csms-url"));
            Assert.That(output, Does.Contain("default OCPPLAB-CP01"));
            Assert.That(output, Does.Contain("3 set-up error"));
        });
    }

    [TestCase("--connector-id", "one", "--connector-id: 'one' is not allowed for ConnectorId; it takes a whole number.")]
    [TestCase("--profiles", "Core,Billing", "--profiles: 'Billing' is not allowed for Profiles; it takes a comma-separated list of Core, FirmwareManagement")]
    [TestCase("--operator", "ftp://host/", "--operator: 'ftp://host/' is not allowed for OperatorUrl; it takes an absolute http:// or https:// URL")]
    [TestCase("--charging-rate-unit", "kW", "--charging-rate-unit: 'kW' is not allowed for ChargingRateUnit; it takes A or W.")]
    [TestCase("--call-timeout-seconds", "0", "--call-timeout-seconds: '0' is not allowed for CallTimeoutSeconds; it takes a number of seconds above 0.")]
    public async Task A_bad_value_is_a_usage_error_naming_the_value_and_what_is_allowed(string option, string value, string message)
    {
        var (code, _, error) = await InvokeAsync("conformance", "--csms", "ws://127.0.0.1:9/ocpp/", option, value);

        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain(message));
    }

    [Test]
    public async Task Without_a_Central_System_nothing_runs()
    {
        var (code, _, error) = await InvokeAsync("conformance", "--profiles", "Core");

        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("No Central System to test: give --csms"));
    }

    [Test]
    public async Task An_unknown_option_is_a_usage_error()
    {
        var (code, _, error) = await InvokeAsync("conformance", "--csms", "ws://127.0.0.1:9/ocpp/", "--secuirty-profile", "1");

        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("--secuirty-profile"));
    }

    [Test]
    public async Task A_filter_that_selects_nothing_is_a_usage_error()
    {
        var (code, _, error) = await InvokeAsync("conformance", "--csms", "ws://127.0.0.1:9/ocpp/", "--filter", "TC_999");

        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.Contain("--filter 'TC_999' selects none of the"));
    }

    [Test]
    public async Task Contract_prints_the_operator_contract_of_the_repository_as_it_is()
    {
        var (code, output, error) = await InvokeAsync("conformance", "contract");

        Assert.That(code, Is.EqualTo(ExitCodes.Passed), error);
        Assert.That(output, Is.EqualTo(await File.ReadAllTextAsync(RepositoryContract())));
    }

    [Test]
    public async Task Contract_with_an_output_file_writes_it_there()
    {
        var folder = Directory.CreateTempSubdirectory("ocpplab-contract-").FullName;
        try
        {
            var file = Path.Combine(folder, OperatorContract.FileName);

            var (code, output, error) = await InvokeAsync("conformance", "contract", "--output", file);

            Assert.That(code, Is.EqualTo(ExitCodes.Passed), error);
            Assert.That(await File.ReadAllTextAsync(file), Is.EqualTo(await File.ReadAllTextAsync(RepositoryContract())));
            Assert.That(output, Does.Contain(file));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Contract_to_a_folder_that_does_not_exist_is_a_usage_error_naming_it()
    {
        var file = Path.Combine(Path.GetTempPath(), "ocpplab-no-such-folder-" + Guid.NewGuid().ToString("N"), OperatorContract.FileName);

        var (code, _, error) = await InvokeAsync("conformance", "contract", "--output", file);

        Assert.That(code, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(error, Does.StartWith($"--output: the contract cannot be written to {file}"));
    }

    private static string RepositoryContract()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OcppLab.sln")))
            {
                return Path.Combine(folder.FullName, "tests", "OcppLab.Conformance", OperatorContract.FileName);
            }
        }

        throw new InvalidOperationException($"No OcppLab.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<(int Code, string Output, string Error)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ConformanceCommandLine.InvokeAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
