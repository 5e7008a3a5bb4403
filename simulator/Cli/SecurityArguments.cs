using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Configuration;
using OcppLab.ChargePoint.Security;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The security options, shared by <c>charger</c> and <c>fleet</c>. Each value is read on its own by the parser and
/// the set is checked together in <see cref="Resolve"/>, because whether a password, a root or a client certificate
/// fits depends on the profile.
/// </summary>
internal sealed class SecurityArguments
{
    private readonly bool fleet;
    private readonly string certificateOption;
    private readonly string keyOption;

    /// <param name="fleet">
    /// True for <c>fleet</c>, whose charge points each need a certificate of their own on profile 3: it takes the CA
    /// that issues them (<c>--client-ca-cert</c>, <c>--client-ca-key</c>) instead of one certificate.
    /// </param>
    public SecurityArguments(bool fleet)
    {
        this.fleet = fleet;
        certificateOption = fleet ? "--client-ca-cert" : "--client-cert";
        keyOption = fleet ? "--client-ca-key" : "--client-key";
        Profile = OptionValues.Create<int?>(
            "--security-profile",
            "n",
            "OCPP 1.6 Security Whitepaper profile: 0 none, 1 Basic, 2 TLS + Basic, 3 TLS with a client certificate (default: the template's SecurityProfile, else 1 with --password, else 0). On 2 and 3 a ws:// URL is used as wss:// on the same port"
                + (fleet ? "; 2 and 3 need --csms" : "; on 0 and 1 a wss:// URL is checked against the system trust store"),
            (string text, out int? value) =>
            {
                value = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 3 ? number : null;
                return value is null ? $"'{text}' is not a security profile from 0 to 3." : null;
            });
        CaCertificate = OptionValues.Create<string?>(
            "--ca-cert",
            "pem",
            "Profiles 2 and 3: the Central System root certificate(s) the server certificate must chain to, installed as CentralSystemRootCertificate (default: the system trust store)",
            OptionValues.Text);
        ClientCertificate = OptionValues.Create<string?>(
            certificateOption,
            "pem",
            fleet
                ? "Profile 3: a CA the Central System trusts; each charge point gets its own certificate from it as it powers on (CN = its identity, O = CpoName, ECDSA P-256). Our CSMS keeps its CA in its data directory as ca.pem and ca.key.pem"
                : "Profile 3: the charge point certificate (the first one in the file; the ones after it are sent as its intermediates)",
            OptionValues.Text);
        ClientKey = OptionValues.Create<string?>(
            keyOption,
            "pem",
            fleet ? "Profile 3: that CA's private key, unencrypted PEM (PKCS#8, RSA or EC)" : "Profile 3: its private key, unencrypted PEM (PKCS#8, RSA or EC)",
            OptionValues.Text);
    }

    public Option<int?> Profile { get; }

    public Option<string?> CaCertificate { get; }

    public Option<string?> ClientCertificate { get; }

    public Option<string?> ClientKey { get; }

    /// <summary>Adds the security options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Profile);
        command.Options.Add(CaCertificate);
        command.Options.Add(ClientCertificate);
        command.Options.Add(ClientKey);
    }

    /// <summary>
    /// The profile and its material: <c>--security-profile</c>, else the template's SecurityProfile, else 1 with
    /// a password and 0 without (what the commands did before they had profiles).
    /// </summary>
    /// <param name="parsed">The command line, parsed without errors.</param>
    /// <param name="password">The <c>--password</c> value, or null.</param>
    /// <param name="template">The charge point template (its configuration may carry SecurityProfile and AuthorizationKey).</param>
    /// <param name="centralSystemGiven">False when the fleet is to start the embedded Central System.</param>
    public (SecurityOptions? Options, string? Error) Resolve(ParseResult parsed, string? password, ChargePointTemplate template, bool centralSystemGiven)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(template);
        var profile = parsed.GetValue(Profile);
        var caCertificate = parsed.GetValue(CaCertificate);
        var clientCertificate = parsed.GetValue(ClientCertificate);
        var clientKey = parsed.GetValue(ClientKey);
        var configuration = new ConfigurationStore(ConfigurationKeySet.StandardFor(template.NumberOfConnectors), template.Configuration);
        var anyPassword = password ?? (configuration.Get(Keys.AuthorizationKey) is { Length: > 0 } key ? key : null);
        int? fromTemplate = template.Configuration.Keys.Any(k => string.Equals(k, Keys.SecurityProfile, StringComparison.OrdinalIgnoreCase))
            ? configuration.GetInt(Keys.SecurityProfile, -1)
            : null;
        if (profile is null && fromTemplate is < 0 or > 3)
        {
            return (null, $"--template: SecurityProfile '{configuration.Get(Keys.SecurityProfile)}' is not a security profile from 0 to 3.");
        }

        var resolved = profile ?? fromTemplate ?? (anyPassword is null ? 0 : 1);
        if (ProfileProblem(resolved, password, anyPassword, centralSystemGiven, caCertificate, clientCertificate, clientKey) is { } problem)
        {
            return (null, problem);
        }

        var options = new SecurityOptions { Profile = resolved };
        if (caCertificate is not null)
        {
            if (PemFiles.ReadCertificates("--ca-cert", caCertificate, out var roots) is { } unreadable)
            {
                return (null, unreadable);
            }

            var now = DateTimeOffset.UtcNow;
            if (roots.FirstOrDefault(r => !CertificateChecks.IsValidRoot(r, now)) is { } notRoot)
            {
                return (null, $"--ca-cert: '{caCertificate}' holds '{notRoot.Subject}', which is not a CA certificate valid now; a CentralSystemRootCertificate must be one (Security Whitepaper §3.4).");
            }

            var room = configuration.GetInt(Keys.CertificateStoreMaxLength, 10);
            if (roots.Count > room)
            {
                return (null, $"--ca-cert: '{caCertificate}' holds {roots.Count.ToString(CultureInfo.InvariantCulture)} certificates; the charge point stores at most {room.ToString(CultureInfo.InvariantCulture)} (CertificateStoreMaxLength).");
            }

            options = options with { CentralSystemRoots = roots, CentralSystemRootsFile = caCertificate };
        }

        if (resolved < 3)
        {
            return (options, null);
        }

        if (PemFiles.ReadCertificateWithKey(certificateOption, clientCertificate!, keyOption, clientKey!, out var certificate, out var intermediates) is { } badPair)
        {
            return (null, badPair);
        }

        if (!fleet)
        {
            return CertificateChecks.IsWithinValidity(certificate!, DateTimeOffset.UtcNow)
                ? (options with { ClientCertificate = certificate, ClientCertificateIntermediates = intermediates }, null)
                : (null, $"--client-cert: '{clientCertificate}' holds '{certificate!.Subject}', which is not valid now ({certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}).");
        }

        if (!CertificateChecks.IsValidRoot(certificate!, DateTimeOffset.UtcNow) || !MaySignCertificates(certificate!))
        {
            var subject = certificate!.Subject;
            certificate.Dispose();
            return (null, $"--client-ca-cert: '{clientCertificate}' holds '{subject}', which is not a CA certificate valid now that may sign certificates; it cannot issue the charge point certificates.");
        }

        return (options with { ClientCertificateAuthority = new ChargePointCertificateIssuer(certificate!, intermediates) }, null);
    }

    /// <summary>Without a key usage extension any use is allowed (RFC 5280 §4.2.1.3); with one, keyCertSign must be in it.</summary>
    private static bool MaySignCertificates(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509KeyUsageExtension>().All(u => u.KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));

    /// <summary>What the profile asks of the other options (Security Whitepaper §2.3–§2.5).</summary>
    private string? ProfileProblem(int resolved, string? password, string? anyPassword, bool centralSystemGiven, string? caCertificate, string? clientCertificate, string? clientKey)
    {
        var text = resolved.ToString(CultureInfo.InvariantCulture);
        if (password is not null && resolved == 0)
        {
            return "--password: security profile 0 sends no credentials; pass --security-profile 1 or 2 with it, or leave --security-profile out.";
        }

        if (password is not null && resolved == 3)
        {
            return "--password: security profile 3 authenticates with the client certificate, not a password (Security Whitepaper §2.5); leave --password out.";
        }

        if (resolved is 1 or 2 && anyPassword is null)
        {
            return $"--security-profile: {text} needs --password: HTTP Basic authentication with the charge point identity as user name (Security Whitepaper §2.3).";
        }

        if (fleet && resolved >= 2 && !centralSystemGiven)
        {
            return $"--security-profile: {text} needs --csms: the embedded Central System listens on ws:// only. Start one with TLS (dotnet run --project csms -- --demo-tls --data-dir DIR) and pass --csms wss://localhost:8543/ocpp --ca-cert DIR/ca.pem.";
        }

        if (caCertificate is not null && resolved < 2)
        {
            return $"--ca-cert: security profile {text} does not use TLS; the Central System roots are for profiles 2 and 3 (add --security-profile 2 or 3).";
        }

        if (resolved < 3 && (clientCertificate ?? clientKey) is not null)
        {
            return $"{(clientCertificate is not null ? certificateOption : keyOption)}: security profile {text} presents no client certificate; that is profile 3 (add --security-profile 3).";
        }

        if (resolved == 3 && clientCertificate is null && clientKey is null)
        {
            return fleet
                ? "--security-profile: 3 needs --client-ca-cert and --client-ca-key: the fleet issues each charge point its certificate from that CA (Security Whitepaper §2.5)."
                : "--security-profile: 3 needs --client-cert and --client-key: the charge point certificate and its private key (Security Whitepaper §2.5).";
        }

        if (resolved == 3 && clientCertificate is null)
        {
            return $"{keyOption}: '{clientKey}' is given without {certificateOption}.";
        }

        if (resolved == 3 && clientKey is null)
        {
            return $"{certificateOption}: '{clientCertificate}' is given without {keyOption}, its private key.";
        }

        return null;
    }
}
