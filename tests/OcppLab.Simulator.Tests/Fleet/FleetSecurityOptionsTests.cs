using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Tests.Cli;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>The <c>fleet</c> command's security profile options (Security Whitepaper §2) and every way they can be wrong.</summary>
public sealed class FleetSecurityOptionsTests
{
    private const string Csms = "--csms ws://host:9000/ocpp ";
    private SecurityOptionFiles? files;

    private SecurityOptionFiles Files => files!;

    [OneTimeSetUp]
    public void WriteFiles() => files = new SecurityOptionFiles();

    [OneTimeTearDown]
    public void RemoveFiles() => files?.Dispose();

    [Test]
    public void Profile_3_reads_the_issuing_CA_and_the_roots_and_the_plan_carries_them()
    {
        var (options, error) = Parse(Csms + "--security-profile 3 --ca-cert {ca} --client-ca-cert {ca} --client-ca-key {ca-key}");

        Assert.That(error, Is.Null);
        using var issuer = options!.Security.ClientCertificateAuthority;
        var plan = options.ToPlan(options.CentralSystem!);
        Assert.That(plan.CentralSystem, Is.EqualTo(new Uri("wss://host:9000/ocpp")));
        Assert.That(plan.SecurityProfile, Is.EqualTo(3));
        Assert.That(plan.Security.CentralSystemRoots.Single().RawData, Is.EqualTo(Files.CaCertificate.RawData));
        Assert.That(plan.Security.ClientCertificates, Is.SameAs(issuer));
        using var issued = issuer!.Issue(plan.ChargerId(0), null, DateTimeOffset.UtcNow);
        Assert.That(issued.Issuer, Is.EqualTo(Files.CaCertificate.Subject));
        Assert.That(options.Security.Describe(), Does.Contain("client certificates issued by " + Files.CaCertificate.Subject));
    }

    [TestCase("", 0)]
    [TestCase("--password secret", 1)]
    [TestCase(Csms + "--security-profile 2 --password secret", 2)]
    public void The_profile_defaults_to_what_the_password_says(string args, int profile)
    {
        var (options, error) = Parse(args);

        Assert.That(error, Is.Null);
        Assert.That(options!.Security.Profile, Is.EqualTo(profile));
        Assert.That(options.ToPlan(new Uri("ws://host/ocpp")).SecurityProfile, Is.EqualTo(profile));
    }

    [TestCase("--security-profile 5", "--security-profile: '5' is not a security profile from 0 to 3.")]
    [TestCase("--security-profile 2 --password secret", "--security-profile: 2 needs --csms: the embedded Central System listens on ws:// only. Start one with TLS (dotnet run --project csms -- --demo-tls --data-dir DIR) and pass --csms wss://localhost:8543/ocpp --ca-cert DIR/ca.pem.")]
    [TestCase(Csms + "--security-profile 0 --password secret", "--password: security profile 0 sends no credentials; pass --security-profile 1 or 2 with it, or leave --security-profile out.")]
    [TestCase(Csms + "--security-profile 3 --password secret --client-ca-cert {ca} --client-ca-key {ca-key}", "--password: security profile 3 authenticates with the client certificate, not a password (Security Whitepaper §2.5); leave --password out.")]
    [TestCase(Csms + "--security-profile 2", "--security-profile: 2 needs --password: HTTP Basic authentication with the charge point identity as user name (Security Whitepaper §2.3).")]
    [TestCase(Csms + "--ca-cert {ca}", "--ca-cert: security profile 0 does not use TLS; the Central System roots are for profiles 2 and 3 (add --security-profile 2 or 3).")]
    [TestCase(Csms + "--security-profile 2 --password secret --ca-cert {garbage}", "--ca-cert: '{garbage}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).")]
    [TestCase(Csms + "--security-profile 2 --password secret --ca-cert {missing}", "--ca-cert: '{missing}' could not be read: ")]
    [TestCase(Csms + "--security-profile 3", "--security-profile: 3 needs --client-ca-cert and --client-ca-key: the fleet issues each charge point its certificate from that CA (Security Whitepaper §2.5).")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {ca}", "--client-ca-cert: '{ca}' is given without --client-ca-key, its private key.")]
    [TestCase(Csms + "--security-profile 3 --client-ca-key {ca-key}", "--client-ca-key: '{ca-key}' is given without --client-ca-cert.")]
    [TestCase(Csms + "--security-profile 2 --password secret --client-ca-cert {ca} --client-ca-key {ca-key}", "--client-ca-cert: security profile 2 presents no client certificate; that is profile 3 (add --security-profile 3).")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {ca} --client-ca-key {other-key}", "--client-ca-key: '{other-key}' is not the private key of the certificate in '{ca}'.")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {ca} --client-ca-key {encrypted}", "--client-ca-key: '{encrypted}' holds an encrypted key; give it unencrypted (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY').")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {ca} --client-ca-key {garbage}", "--client-ca-key: '{garbage}' holds no PEM private key (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY').")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {missing} --client-ca-key {ca-key}", "--client-ca-cert: '{missing}' could not be read: ")]
    [TestCase(Csms + "--security-profile 3 --client-ca-cert {client} --client-ca-key {client-key}", "--client-ca-cert: '{client}' holds 'CN=CP001', which is not a CA certificate valid now that may sign certificates; it cannot issue the charge point certificates.")]
    [TestCase(Csms + "--security-profile 3 --client-cert {client} --client-key {client-key}", "Unrecognized command or argument '--client-cert'.")]
    public void A_bad_security_option_is_named_with_its_value(string args, string message)
    {
        var (options, error) = Parse(args);

        Assert.That(options, Is.Null);
        Assert.That(error, Does.StartWith(Files.Expand(message)));
    }

    private (FleetOptions? Options, string? Error) Parse(string args) =>
        SimulatorCommandLine.ParseFleet(Files.Expand(args.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
