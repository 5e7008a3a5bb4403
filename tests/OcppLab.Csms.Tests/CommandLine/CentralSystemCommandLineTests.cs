using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Logging;
using OcppLab.Csms.Configuration;

namespace OcppLab.Csms.Tests.CommandLine;

/// <summary>The Central System's command line: help, usage errors, its options and configuration overrides.</summary>
public sealed class CentralSystemCommandLineTests
{
    [TestCase("--help")]
    [TestCase("-h")]
    public async Task Help_prints_the_options_and_exits_0_without_starting_anything(string option)
    {
        var (code, output, error, settings) = await InvokeAsync(option);

        Assert.That(code, Is.Zero);
        Assert.That(settings, Is.Null, "the Central System did not start");
        Assert.That(output, Does.Contain("--urls").And.Contain("--data-dir").And.Contain("--demo-tls").And.Contain("--verbose").And.Contain("ASPNETCORE_URLS"));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public async Task A_mistyped_option_is_a_usage_error_with_a_suggestion_and_exit_code_2()
    {
        var (code, output, error, settings) = await InvokeAsync("--demo-tsl");

        Assert.That(code, Is.EqualTo(CentralSystemCommandLine.UsageError));
        Assert.That(settings, Is.Null);
        Assert.That(error, Does.Contain("'--demo-tsl'"));
        Assert.That(output + error, Does.Contain("--demo-tls"), "the suggestion");
    }

    [Test]
    public async Task An_option_without_its_value_is_a_usage_error()
    {
        var (code, _, error, settings) = await InvokeAsync("--urls");

        Assert.That(code, Is.EqualTo(CentralSystemCommandLine.UsageError));
        Assert.That(error, Does.Contain("--urls"));
        Assert.That(settings, Is.Null);
    }

    [TestCase("--data-dir /var/lib/csms")]
    [TestCase("--data-dir=/var/lib/csms")]
    [TestCase("--demo-tls --data-dir /var/lib/csms")]
    [TestCase("--data-dir /var/lib/csms --demo-tls")]
    public async Task Data_dir_and_demo_tls_are_read_wherever_they_stand(string commandLine)
    {
        var (code, _, _, settings) = await InvokeAsync(commandLine.Split(' '));
        var configuration = settings!.CreateBuilder().Configuration;

        Assert.That(code, Is.Zero);
        Assert.That(configuration["Csms:DataDirectory"], Is.EqualTo("/var/lib/csms"));
        Assert.That(configuration["Csms:Security:DemoTls"], Is.EqualTo(commandLine.Contains("--demo-tls", StringComparison.Ordinal) ? "true" : null));
    }

    [Test]
    public async Task Configuration_overrides_pass_through_in_both_forms()
    {
        var (_, _, _, settings) = await InvokeAsync("--Csms:HeartbeatIntervalSeconds=60", "--Csms:CallTimeoutSeconds", "7", "--verbose");
        var configuration = settings!.CreateBuilder().Configuration;

        Assert.That(configuration["Csms:HeartbeatIntervalSeconds"], Is.EqualTo("60"));
        Assert.That(configuration["Csms:CallTimeoutSeconds"], Is.EqualTo("7"));
        Assert.That(settings.Verbose, Is.True);
    }

    [Test]
    public void With_nothing_configured_the_Central_System_listens_on_127_0_0_1_8180()
    {
        var before = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", null);
        try
        {
            var configuration = new CentralSystemSettings([]).CreateBuilder().Configuration;

            Assert.That(configuration["urls"], Is.EqualTo(ServerAddress.Default));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", before);
        }
    }

    [Test]
    public async Task ASPNETCORE_URLS_sets_the_address_the_Central_System_listens_on()
    {
        var port = FreePort();
        var before = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", $"http://127.0.0.1:{port}");
        try
        {
            var addresses = await BoundAddressesAsync(new CentralSystemSettings([]));

            Assert.That(addresses, Is.EqualTo(new[] { $"http://127.0.0.1:{port}" }));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_URLS", before);
        }
    }

    [TestCase("--urls")]
    [TestCase("--Urls")]
    public async Task The_urls_option_sets_the_address(string option)
    {
        var port = FreePort();
        var (_, _, _, settings) = await InvokeAsync(option, $"http://127.0.0.1:{port}");

        var addresses = await BoundAddressesAsync(settings!);

        Assert.That(addresses, Is.EqualTo(new[] { $"http://127.0.0.1:{port}" }));
    }

    [Test]
    public async Task A_Kestrel_endpoint_in_configuration_is_used_instead_of_the_default()
    {
        var port = FreePort();
        var (_, _, _, settings) = await InvokeAsync($"--Kestrel:Endpoints:Http:Url=http://127.0.0.1:{port}");

        var addresses = await BoundAddressesAsync(settings!);

        Assert.That(addresses, Is.EqualTo(new[] { $"http://127.0.0.1:{port}" }));
    }

    [Test]
    public async Task A_busy_port_is_one_line_saying_what_and_what_to_do_and_exit_code_1()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var error = new StringWriter();

        var code = await CentralSystemCommandLine.RunAsync(new CentralSystemSettings([], Urls: $"http://127.0.0.1:{port}"), error, CancellationToken.None);

        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(code, Is.EqualTo(CentralSystemCommandLine.Failed));
        Assert.That(lines, Has.Length.EqualTo(1), error.ToString());
        Assert.That(lines[0], Does.Contain($"127.0.0.1:{port}").And.Contain("--urls"));
    }

    [Test]
    public async Task A_busy_port_with_verbose_adds_the_stack_trace()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var error = new StringWriter();

        var code = await CentralSystemCommandLine.RunAsync(new CentralSystemSettings([], Urls: $"http://127.0.0.1:{port}", Verbose: true), error, CancellationToken.None);

        Assert.That(code, Is.EqualTo(CentralSystemCommandLine.Failed));
        Assert.That(error.ToString(), Does.Contain("   at "));
    }

    private static async Task<(int Code, string Output, string Error, CentralSystemSettings? Settings)> InvokeAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        CentralSystemSettings? seen = null;
        var code = await CentralSystemCommandLine.InvokeAsync(
            args,
            (settings, _, _) =>
            {
                seen = settings;
                return Task.FromResult(0);
            },
            output,
            error);
        return (code, output.ToString(), error.ToString(), seen);
    }

    private static async Task<string[]> BoundAddressesAsync(CentralSystemSettings settings)
    {
        var builder = settings.CreateBuilder();
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.UseCentralSystem();
        await app.StartAsync();
        try
        {
            return [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
