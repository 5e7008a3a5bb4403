using System.Security.Authentication;
using OcppLab.ChargePoint.Transport;
using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Tests.Security;

namespace OcppLab.Simulator.Tests.Cli;

/// <summary>
/// The <c>charger</c> command on security profile 2 against a TLS server (Security Whitepaper §2.4): the server
/// certificate must chain to the root given with <c>--ca-cert</c>, checked by the charge point's own check.
/// </summary>
public sealed class ChargerSecurityProfileTests
{
    private const string Key = "0123456789abcdef0123";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-charger-tls", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    [CancelAfter(30_000)]
    public async Task A_server_certificate_that_does_not_chain_to_the_given_root_is_refused_with_InvalidCentralSystemCertificate(CancellationToken cancellationToken)
    {
        using var serverAuthority = TestCertificateAuthority.Create("The Server's CA");
        using var givenAuthority = TestCertificateAuthority.Create("Another CA");
        await using var server = await TlsTestServer.StartAsync(serverAuthority.IssueServer());
        var (givenRoot, _) = givenAuthority.WritePem(folder, "given");

        var output = await RunUntilAsync(server, givenRoot, text => text.Contains("InvalidCentralSystemCertificate", StringComparison.Ordinal), cancellationToken);

        Assert.That(output, Does.Contain("!! security event InvalidCentralSystemCertificate: the server certificate does not chain to an installed CentralSystemRootCertificate"));
        Assert.That(server.Seen, Is.Empty, "the charge point must close the handshake before any upgrade request");
    }

    [Test]
    [CancelAfter(30_000)]
    public async Task A_server_certificate_from_the_given_root_is_accepted_and_the_password_goes_over_TLS(CancellationToken cancellationToken)
    {
        using var serverAuthority = TestCertificateAuthority.Create("The Server's CA");
        await using var server = await TlsTestServer.StartAsync(serverAuthority.IssueServer());
        var (root, _) = serverAuthority.WritePem(folder, "server-ca");

        var output = await RunUntilAsync(server, root, _ => server.Seen.Count > 0, cancellationToken);

        var handshake = server.Seen[0];
        Assert.That(handshake.ChargePointId, Is.EqualTo("CP001"));
        Assert.That(handshake.Protocol, Is.EqualTo(SslProtocols.Tls12).Or.EqualTo(SslProtocols.Tls13));
        Assert.That(handshake.Authorization, Is.EqualTo(WebSocketFactory.BasicAuthorization("CP001", Key)));
        Assert.That(output, Does.Not.Contain("InvalidCentralSystemCertificate"));
        Assert.That(output, Does.Contain("wss://127.0.0.1:" + server.OcppUrl.Port + "/ocpp/CP001"));
    }

    /// <summary>Runs <c>charger --security-profile 2</c> with <paramref name="root"/> until <paramref name="done"/> holds, then stops it.</summary>
    private static async Task<string> RunUntilAsync(TlsTestServer server, string root, Func<string, bool> done, CancellationToken cancellationToken)
    {
        // The command writes from the charge point's threads; the synchronized writer locks on itself, so reading
        // the text under the same lock sees whole lines.
        var text = new StringWriter();
        var output = TextWriter.Synchronized(text);
        using var error = new StringWriter();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string[] args = ["--csms", server.OcppUrl.ToString(), "--id", "CP001", "--security-profile", "2", "--password", Key, "--ca-cert", root, "--quiet"];
        var run = SimulatorCommandLine.RunAsync(["charger", .. args], Terminal.Captured(output, error), stop.Token);

        string Read()
        {
            lock (output)
            {
                return text.ToString();
            }
        }

        var deadline = DateTime.UtcNow + Patience;
        while (!done(Read()) && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(50, cancellationToken);
        }

        await stop.CancelAsync();
        var code = await run;
        Assert.That(code, Is.Zero, error.ToString());
        Assert.That(done(Read()), Is.True, "did not happen in time; output:" + Environment.NewLine + Read());
        return Read();
    }
}
