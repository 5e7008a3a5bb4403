using System.Globalization;
using OcppLab.ChargePoint;

namespace OcppLab.Simulator.Cli;

/// <summary>The options of the <c>charger</c> command.</summary>
internal sealed record ChargerOptions
{
    public const string Help = """
        Usage: simulator charger --csms <ws-url> --id <charge-point-id> [options]

        Runs one virtual charge point against a Central System and prints one line per frame:
        time, direction, message type, action, round trip, payload.

        Options:
          --csms <url>           Central System base URL, ws:// or wss://; the id is appended (required)
          --id <id>              Charge point identity (required)
          --template <file>      Charge point template (JSON): vendor, model, numberOfConnectors,
                                 fixedCable, backupPower, maxCurrentAmperes, phases, voltage,
                                 featureProfiles, configuration { key: value }, callTimeoutSeconds
          --password <secret>    HTTP Basic authentication password (user name = the id); profiles 1 and 2
          --security-profile <n> OCPP 1.6 Security Whitepaper profile: 0 none, 1 Basic, 2 TLS + Basic,
                                 3 TLS with a client certificate (default: the template's SecurityProfile,
                                 else 1 with --password, else 0). On 2 and 3 a ws:// URL is used as wss://
                                 on the same port; on 0 and 1 a wss:// URL is checked against the system
                                 trust store
          --ca-cert <pem>        Profiles 2 and 3: the Central System root certificate(s) the server
                                 certificate must chain to, installed as CentralSystemRootCertificate
                                 (default: the system trust store)
          --client-cert <pem>    Profile 3: the charge point certificate (the first one in the file)
          --client-key <pem>     Profile 3: its private key, unencrypted PEM (PKCS#8, RSA or EC)
          --connect-timeout <s>  Seconds one connection attempt may take (default 10)
          --quiet                Do not print the traffic
          --help                 Show this help

        While it runs, type commands on standard input:
          plug <c> | unplug <c> | ev-unplug <c> | card <c> <idTag> | suspend <c> | resume <c>
          fault <c> [errorCode] | clear-fault <c> | offline | online | power-off | power-on | status | quit
        """;

    public required Uri CentralSystem { get; init; }

    public required string Id { get; init; }

    public ChargePointTemplate Template { get; init; } = new();

    public string? Password { get; init; }

    public SecurityOptions Security { get; init; } = new();

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool Quiet { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>Parses the arguments; on a bad value returns an error that names the option.</summary>
    public static (ChargerOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        Uri? csms = null;
        string? id = null;
        string? password = null;
        var template = new ChargePointTemplate();
        var connectTimeout = TimeSpan.FromSeconds(10);
        var quiet = false;
        var security = new SecurityArguments(fleet: false);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (option is "--help" or "-h")
            {
                return (new ChargerOptions { CentralSystem = new Uri("ws://localhost"), Id = "-", ShowHelp = true }, null);
            }

            if (option == "--quiet")
            {
                quiet = true;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{option}: a value is missing.");
            }

            var value = args[++i];
            if (security.TryRead(option, value, out var problem))
            {
                if (problem is not null)
                {
                    return (null, problem);
                }

                continue;
            }

            switch (option)
            {
                case "--csms":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out csms) || csms.Scheme is not ("ws" or "wss"))
                    {
                        return (null, $"--csms: '{value}' is not a ws:// or wss:// URL.");
                    }

                    break;
                case "--id":
                    if (value.Length is 0 or > 48 || value.Any(c => char.IsWhiteSpace(c) || c == '/'))
                    {
                        return (null, $"--id: '{value}' is not a charge point identity (1 to 48 characters, no spaces or '/').");
                    }

                    id = value;
                    break;
                case "--template":
                    try
                    {
                        template = ChargePointTemplate.FromJson(File.ReadAllText(value));
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
                    {
                        return (null, $"--template: '{value}' could not be read: {e.Message}");
                    }

                    if (template.NumberOfConnectors < 1)
                    {
                        return (null, $"--template: '{value}' needs numberOfConnectors of at least 1.");
                    }

                    break;
                case "--password":
                    password = value;
                    break;
                case "--connect-timeout":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds < 1)
                    {
                        return (null, $"--connect-timeout: '{value}' is not a positive number of seconds.");
                    }

                    connectTimeout = TimeSpan.FromSeconds(seconds);
                    break;
                default:
                    return (null, $"{option}: unknown option. Run 'charger --help' to list the options.");
            }
        }

        if (csms is null)
        {
            return (null, "--csms: the Central System URL is required.");
        }

        if (id is null)
        {
            return (null, "--id: the charge point identity is required.");
        }

        var (resolved, error) = security.Resolve(password, template, centralSystemGiven: true);
        if (resolved is null)
        {
            return (null, error);
        }

        return (new ChargerOptions
        {
            CentralSystem = resolved.Endpoint(csms),
            Id = id,
            Template = template,
            Password = password,
            Security = resolved,
            ConnectTimeout = connectTimeout,
            Quiet = quiet,
        }, null);
    }
}
