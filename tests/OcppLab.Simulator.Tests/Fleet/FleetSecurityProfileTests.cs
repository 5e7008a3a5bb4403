using System.Globalization;
using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Security;
using OcppLab.Tests.Shared;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>
/// Fleets on security profiles 2 and 3 (Security Whitepaper §2.4, §2.5) over loopback TLS against our Central System
/// in this process, configured for that profile: a station it admits has reached it, so admission is the proof.
/// </summary>
public sealed class FleetSecurityProfileTests
{
    private const string Key = "fleet-key-0123456789";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-fleet-tls", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    [CancelAfter(60_000)]
    public async Task On_profile_2_the_fleet_command_connects_over_TLS_with_its_password_and_every_station_is_accepted(CancellationToken cancellationToken)
    {
        using var ca = TestCertificateAuthority.Create("Fleet Test CA");
        var (caPem, caKey) = ca.WritePem(folder);
        string[] ids = ["TLS2CP001", "TLS2CP002", "TLS2CP003"];
        var settings = TlsSettings(caPem, caKey, profile: 2);
        for (var i = 0; i < ids.Length; i++)
        {
            settings[$"Csms:ChargePoints:{i}:Id"] = ids[i];
            settings[$"Csms:ChargePoints:{i}:AuthorizationKey"] = Key;
        }

        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", ["TLS2TAG1", "TLS2TAG2", "TLS2TAG3", "TLS2TAG4", "TLS2TAG5", "TLS2TAG6"], settings, cancellationToken);

        // Given as ws://: profile 2 must use it as wss:// on the same port.
        var plain = new UriBuilder(csms.TlsOcppUrl!) { Scheme = "ws" }.Uri;
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimulatorCommandLine.RunAsync(
            ["fleet", "--csms", plain.ToString(), "--chargers", "3", "--ramp", "50/s", "--duration", "3s", "--id-pattern", "TLS2CP{0:000}", "--id-tag", "TLS2TAG{0}",
             "--security-profile", "2", "--password", Key, "--ca-cert", caPem, "--quiet", "--report", Path.Combine(folder, "report")],
            Terminal.Captured(output, error),
            cancellationToken);

        Assert.That(code, Is.Zero, error.ToString());
        Assert.That(output.ToString(), Does.Contain("-> " + csms.TlsOcppUrl).And.Contain("security profile 2"));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(folder, "report.md"), cancellationToken), Does.Contain("security profile 2"));
        var registry = csms.Services.GetRequiredService<ChargePointRegistry>();
        Assert.That(ids.Select(id => registry.Find(id)?.Registration), Is.All.EqualTo(RegistrationStatus.Accepted));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task On_profile_3_each_station_presents_its_own_certificate_and_one_without_or_with_a_stranger_CAs_is_refused_while_the_others_stay(CancellationToken cancellationToken)
    {
        using var ca = TestCertificateAuthority.Create("Fleet Test CA");
        using var stranger = TestCertificateAuthority.Create("Somebody Else's CA");
        var (caPem, caKey) = ca.WritePem(folder);
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", [], TlsSettings(caPem, caKey, profile: 3), cancellationToken);
        var (options, problem) = SimulatorCommandLine.ParseFleet(
            ["--csms", csms.TlsOcppUrl!.ToString(), "--chargers", "5", "--ramp", "100/s", "--id-pattern", "TLS3CP{0:000}", "--session-gap", "1h",
             "--security-profile", "3", "--ca-cert", caPem, "--client-ca-cert", caPem, "--client-ca-key", caKey]);
        Assert.That(problem, Is.Null);
        using var issuer = options!.Security.ClientCertificateAuthority;
        var plan = options.ToPlan(options.CentralSystem!);
        using var strangersCertificate = stranger.IssueClient("CN=TLS3CP005");
        using var metrics = new FleetMetrics();
        var connectors = FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(10));
        var connection = new ConnectionSettings { CentralSystemUrl = plan.CentralSystem, ConnectTimeout = TimeSpan.FromSeconds(10) };

        // Station 4 leaves its certificate out, station 5 presents one for its identity from another CA.
        IOcppConnector ConnectorFor(string id, Func<VirtualChargePoint?> chargePoint) => id switch
        {
            "TLS3CP004" => new WebSocketConnector(connection, SecureWebSocketFactory.Client(() => chargePoint()!.ConnectionSecurity with { ClientCertificate = null }, () => TimeSpan.Zero)),
            "TLS3CP005" => new WebSocketConnector(connection, SecureWebSocketFactory.Client(() => chargePoint()!.ConnectionSecurity with { ClientCertificate = strangersCertificate }, () => TimeSpan.Zero)),
            _ => connectors(id, chargePoint),
        };

        var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, ConnectorFor);
        await using (runner)
        {
            runner.Start();
            await UntilAsync(() => runner.Gauges() is { Started: 5, Booted: >= 3 }, cancellationToken);

            // Let the refused stations try again a few times (back-off from about a second) beside the admitted ones.
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var gauges = runner.Gauges();
            var registry = csms.Services.GetRequiredService<ChargePointRegistry>();
            Assert.That(gauges.Connected, Is.EqualTo(3));
            Assert.That(gauges.Booted, Is.EqualTo(3));
            Assert.That(new[] { "TLS3CP001", "TLS3CP002", "TLS3CP003" }.Select(id => registry.Find(id)?.IsConnected), Is.All.True);
            Assert.That(new[] { "TLS3CP004", "TLS3CP005" }.Select(id => registry.Find(id)?.LastBoot), Is.All.Null);
            Assert.That(runner.ChargePoints.Where(cp => cp.Id is "TLS3CP004" or "TLS3CP005").Select(cp => cp.IsConnected), Is.All.False);
            Assert.That(registry.Find("TLS3CP001")!.ConnectionCount, Is.EqualTo(1), "an admitted station was dropped and came back");
            Assert.That(metrics.Errors.Keys, Has.None.EqualTo("connection lost"));
        }
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task On_profile_2_a_server_certificate_outside_the_fleets_roots_is_refused_and_each_station_reports_it_itself(CancellationToken cancellationToken)
    {
        using var ca = TestCertificateAuthority.Create("Fleet Test CA");
        using var other = TestCertificateAuthority.Create("Not The Server's CA");
        var (caPem, caKey) = ca.WritePem(folder);
        var (otherPem, _) = other.WritePem(folder, "other");
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", [], TlsSettings(caPem, caKey, profile: 0), cancellationToken);
        var (options, problem) = SimulatorCommandLine.ParseFleet(
            ["--csms", csms.TlsOcppUrl!.ToString(), "--chargers", "3", "--ramp", "100/s", "--id-pattern", "TLSXCP{0:000}",
             "--security-profile", "2", "--password", Key, "--ca-cert", otherPem]);
        Assert.That(problem, Is.Null);
        var plan = options!.ToPlan(options.CentralSystem!);
        using var metrics = new FleetMetrics();
        var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(10)));
        await using (runner)
        {
            runner.Start();
            await UntilAsync(() => runner.ChargePoints.Count() == 3 && runner.ChargePoints.All(Refused), cancellationToken);

            Assert.That(runner.Gauges().Connected, Is.Zero);
            Assert.That(csms.Services.GetRequiredService<ChargePointRegistry>().Count, Is.Zero);
        }

        static bool Refused(VirtualChargePoint chargePoint) => chargePoint.SecurityLog.Entries.Any(e =>
            e.Type == SecurityEventType.InvalidCentralSystemCertificate && e.TechInfo == "the server certificate does not chain to an installed CentralSystemRootCertificate");
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task On_profile_3_the_fleet_command_works_with_the_CA_our_Central_System_keeps_in_its_data_directory(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(folder, "csms-data");
        var settings = TlsSettings(null, null, profile: 3);
        settings["Csms:DataDirectory"] = dataDirectory;
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", ["DDTAG1", "DDTAG2", "DDTAG3", "DDTAG4"], settings, cancellationToken);
        var (caPem, caKey) = (Path.Combine(dataDirectory, "ca.pem"), Path.Combine(dataDirectory, "ca.key.pem"));

        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await SimulatorCommandLine.RunAsync(
            ["fleet", "--csms", csms.TlsOcppUrl!.ToString(), "--chargers", "2", "--ramp", "50/s", "--duration", "3s", "--id-pattern", "DDCP{0:000}", "--id-tag", "DDTAG{0}",
             "--security-profile", "3", "--client-ca-cert", caPem, "--client-ca-key", caKey, "--ca-cert", caPem, "--quiet", "--report", Path.Combine(folder, "report")],
            Terminal.Captured(output, error),
            cancellationToken);

        Assert.That(code, Is.Zero, error.ToString());
        var registry = csms.Services.GetRequiredService<ChargePointRegistry>();
        Assert.That(new[] { "DDCP001", "DDCP002" }.Select(id => registry.Find(id)?.Registration), Is.All.EqualTo(RegistrationStatus.Accepted));
    }

    /// <summary>Our Central System with a wss:// listener on a free port, a server certificate for 127.0.0.1, and <paramref name="profile"/> for every station.</summary>
    private static Dictionary<string, string?> TlsSettings(string? caPem, string? caKey, int profile) => new()
    {
        ["Csms:Security:TlsUrl"] = "https://127.0.0.1:0",
        ["Csms:Security:TlsHostName"] = "127.0.0.1",
        ["Csms:Security:DefaultSecurityProfile"] = profile.ToString(CultureInfo.InvariantCulture),
        ["Csms:Security:CaCertificatePath"] = caPem,
        ["Csms:Security:CaKeyPath"] = caKey,
    };

    private static async Task UntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "the fleet did not get there in time");
            await Task.Delay(100, cancellationToken);
        }
    }
}
