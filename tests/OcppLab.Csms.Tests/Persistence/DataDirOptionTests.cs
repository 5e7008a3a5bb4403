using Microsoft.Extensions.Configuration;

namespace OcppLab.Csms.Tests.Persistence;

/// <summary>How the Central System's command line becomes configuration (<c>--data-dir</c>, <c>--demo-tls</c>).</summary>
public sealed class DataDirOptionTests
{
    [TestCase("--data-dir /var/lib/csms")]
    [TestCase("--data-dir=/var/lib/csms")]
    [TestCase("--demo-tls --data-dir /var/lib/csms")]
    [TestCase("--data-dir /var/lib/csms --demo-tls")]
    public void Data_dir_becomes_Csms_DataDirectory_wherever_it_stands(string commandLine)
    {
        var args = commandLine.Split(' ');
        var configuration = new ConfigurationBuilder().AddCommandLine(CentralSystemApplication.ConfigurationArguments(args)).Build();

        Assert.That(configuration["Csms:DataDirectory"], Is.EqualTo("/var/lib/csms"));
        Assert.That(configuration["Csms:Security:DemoTls"], Is.EqualTo(args.Contains("--demo-tls") ? "true" : null));
    }

    [Test]
    public void Other_arguments_pass_through_unchanged()
    {
        string[] args = ["--Urls", "http://127.0.0.1:9000", "--Csms:HeartbeatIntervalSeconds=60"];

        Assert.That(CentralSystemApplication.ConfigurationArguments(args), Is.EqualTo(args));
    }
}
