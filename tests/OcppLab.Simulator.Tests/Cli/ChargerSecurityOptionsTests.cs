using OcppLab.Simulator.Cli;

namespace OcppLab.Simulator.Tests.Cli;

/// <summary>The <c>charger</c> command's security profile options (Security Whitepaper §2) and every way they can be wrong.</summary>
public sealed class ChargerSecurityOptionsTests
{
    private const string Required = "--csms ws://localhost:9000/ocpp --id CP001 ";
    private SecurityOptionFiles? files;

    private SecurityOptionFiles Files => files!;

    [OneTimeSetUp]
    public void WriteFiles() => files = new SecurityOptionFiles();

    [OneTimeTearDown]
    public void RemoveFiles() => files?.Dispose();

    [TestCase("", 0)]
    [TestCase("--password secret", 1)]
    [TestCase("--security-profile 1 --password secret", 1)]
    public void Without_TLS_the_profile_defaults_to_what_the_password_says_and_the_url_stays(string args, int profile)
    {
        var (options, error) = Parse(args);

        Assert.That(error, Is.Null);
        Assert.That(options!.Security.Profile, Is.EqualTo(profile));
        Assert.That(options.CentralSystem, Is.EqualTo(new Uri("ws://localhost:9000/ocpp")));
        Assert.That(options.Security.CentralSystemRoots, Is.Empty);
    }

    [Test]
    public void Profile_2_reads_the_central_system_roots_and_uses_the_url_as_wss_on_the_same_port()
    {
        var (options, error) = Parse("--security-profile 2 --password secret --ca-cert {ca}");

        Assert.That(error, Is.Null);
        Assert.That(options!.Security.Profile, Is.EqualTo(2));
        Assert.That(options.CentralSystem, Is.EqualTo(new Uri("wss://localhost:9000/ocpp")));
        Assert.That(options.Security.CentralSystemRoots.Single().RawData, Is.EqualTo(Files.CaCertificate.RawData));
        Assert.That(options.Security.Describe(), Does.Contain("1 CentralSystemRootCertificate(s) from " + Files.Ca));
    }

    [Test]
    public void Profile_2_without_ca_cert_relies_on_the_system_trust_store_and_keeps_a_wss_url()
    {
        var (options, error) = SimulatorCommandLine.ParseCharger(["--csms", "wss://csms.example:443/ocpp", "--id", "CP001", "--security-profile", "2", "--password", "secret"]);

        Assert.That(error, Is.Null);
        Assert.That(options!.CentralSystem, Is.EqualTo(new Uri("wss://csms.example/ocpp")));
        Assert.That(options.Security.CentralSystemRoots, Is.Empty);
        Assert.That(options.Security.Describe(), Does.Contain("system trust store"));
    }

    [Test]
    public void Profile_3_reads_the_client_certificate_with_its_private_key()
    {
        var (options, error) = Parse("--security-profile 3 --client-cert {client} --client-key {client-key} --ca-cert {ca}");

        Assert.That(error, Is.Null);
        Assert.That(options!.Security.Profile, Is.EqualTo(3));
        Assert.That(options.Security.ClientCertificate!.Subject, Is.EqualTo("CN=CP001"));
        Assert.That(options.Security.ClientCertificate.HasPrivateKey, Is.True);
        Assert.That(options.CentralSystem.Scheme, Is.EqualTo("wss"));
    }

    [Test]
    public void The_templates_SecurityProfile_and_AuthorizationKey_apply_without_the_options()
    {
        var template = Path.Combine(Files.Folder, "profile-2-template.json");
        File.WriteAllText(template, """{ "configuration": { "SecurityProfile": "2", "AuthorizationKey": "0123456789abcdef" } }""");

        var (options, error) = Parse("--template " + template);
        var (overridden, _) = Parse("--template " + template + " --security-profile 1");

        Assert.That(error, Is.Null);
        Assert.That(options!.Security.Profile, Is.EqualTo(2));
        Assert.That(overridden!.Security.Profile, Is.EqualTo(1));
    }

    [TestCase("--security-profile 4", "--security-profile: '4' is not a security profile from 0 to 3.")]
    [TestCase("--security-profile -1", "--security-profile: '-1' is not a security profile from 0 to 3.")]
    [TestCase("--security-profile two", "--security-profile: 'two' is not a security profile from 0 to 3.")]
    [TestCase("--security-profile", "Required argument missing for option: '--security-profile'.")]
    [TestCase("--security-profile 0 --password secret", "--password: security profile 0 sends no credentials; pass --security-profile 1 or 2 with it, or leave --security-profile out.")]
    [TestCase("--security-profile 3 --password secret --client-cert {client} --client-key {client-key}", "--password: security profile 3 authenticates with the client certificate, not a password (Security Whitepaper §2.5); leave --password out.")]
    [TestCase("--security-profile 1", "--security-profile: 1 needs --password: HTTP Basic authentication with the charge point identity as user name (Security Whitepaper §2.3).")]
    [TestCase("--security-profile 2 --ca-cert {ca}", "--security-profile: 2 needs --password: HTTP Basic authentication with the charge point identity as user name (Security Whitepaper §2.3).")]
    [TestCase("--password secret --ca-cert {ca}", "--ca-cert: security profile 1 does not use TLS; the Central System roots are for profiles 2 and 3 (add --security-profile 2 or 3).")]
    [TestCase("--security-profile 2 --password secret --ca-cert {missing}", "--ca-cert: '{missing}' could not be read: ")]
    [TestCase("--security-profile 2 --password secret --ca-cert {garbage}", "--ca-cert: '{garbage}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).")]
    [TestCase("--security-profile 2 --password secret --ca-cert {client}", "--ca-cert: '{client}' holds 'CN=CP001', which is not a CA certificate valid now; a CentralSystemRootCertificate must be one (Security Whitepaper §3.4).")]
    [TestCase("--security-profile 3", "--security-profile: 3 needs --client-cert and --client-key: the charge point certificate and its private key (Security Whitepaper §2.5).")]
    [TestCase("--security-profile 3 --client-cert {client}", "--client-cert: '{client}' is given without --client-key, its private key.")]
    [TestCase("--security-profile 3 --client-key {client-key}", "--client-key: '{client-key}' is given without --client-cert.")]
    [TestCase("--security-profile 2 --password secret --client-cert {client} --client-key {client-key}", "--client-cert: security profile 2 presents no client certificate; that is profile 3 (add --security-profile 3).")]
    [TestCase("--client-key {client-key}", "--client-key: security profile 0 presents no client certificate; that is profile 3 (add --security-profile 3).")]
    [TestCase("--security-profile 3 --client-cert {garbage} --client-key {client-key}", "--client-cert: '{garbage}' holds no PEM certificate (-----BEGIN CERTIFICATE-----).")]
    [TestCase("--security-profile 3 --client-cert {client} --client-key {missing}", "--client-key: '{missing}' could not be read: ")]
    [TestCase("--security-profile 3 --client-cert {client} --client-key {garbage}", "--client-key: '{garbage}' holds no PEM private key (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY').")]
    [TestCase("--security-profile 3 --client-cert {client} --client-key {client}", "--client-key: '{client}' holds no PEM private key (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY').")]
    [TestCase("--security-profile 3 --client-cert {client} --client-key {encrypted}", "--client-key: '{encrypted}' holds an encrypted key; give it unencrypted (PKCS#8 'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY').")]
    [TestCase("--security-profile 3 --client-cert {client} --client-key {other-key}", "--client-key: '{other-key}' is not the private key of the certificate in '{client}'.")]
    [TestCase("--security-profile 3 --client-ca-cert {ca} --client-ca-key {ca-key}", "Unrecognized command or argument '--client-ca-cert'.")]
    public void A_bad_security_option_is_named_with_its_value(string args, string message)
    {
        var (options, error) = Parse(args);

        Assert.That(options, Is.Null);
        Assert.That(error, Does.StartWith(Files.Expand(message)));
    }

    [Test]
    public async Task The_command_exits_with_two_and_names_the_option_on_standard_error()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SimulatorCommandLine.RunAsync(["charger", .. Files.Expand((Required + "--security-profile 3 --client-cert {client} --client-key {other-key}").Split(' '))], Terminal.Captured(output, error), CancellationToken.None);

        Assert.That(code, Is.EqualTo(2));
        Assert.That(error.ToString(), Does.StartWith(Files.Expand("--client-key: '{other-key}' is not the private key of the certificate in '{client}'." + Environment.NewLine)));
    }

    private (ChargerOptions? Options, string? Error) Parse(string args) =>
        SimulatorCommandLine.ParseCharger(Files.Expand((Required + args).Split(' ', StringSplitOptions.RemoveEmptyEntries)));
}
