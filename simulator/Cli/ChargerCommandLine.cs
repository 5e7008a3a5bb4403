using System.CommandLine;
using OcppLab.ChargePoint;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The <c>charger</c> command's options: each value is read and checked by the parser; <see cref="Bind"/> then checks
/// the security options together and makes the <see cref="ChargerOptions"/>.
/// </summary>
internal sealed class ChargerCommandLine
{
    private readonly Option<Uri?> csms = Required(OptionValues.Create("--csms", "url", "Central System base URL, ws:// or wss://; the id is appended", OptionValues.Url("a ws:// or wss:// URL", "ws", "wss")));

    private readonly Option<string?> id = Required(OptionValues.Create<string?>("--id", "id", "Charge point identity", (string text, out string? value) =>
    {
        value = text;
        return text.Length is 0 or > 48 || text.Any(c => char.IsWhiteSpace(c) || c == '/')
            ? $"'{text}' is not a charge point identity (1 to 48 characters, no spaces or '/')."
            : null;
    }));

    private readonly Option<ChargePointTemplate?> template = OptionValues.Create<ChargePointTemplate?>(
        "--template",
        "file",
        "Charge point template (JSON): vendor, model, numberOfConnectors, fixedCable, backupPower, maxCurrentAmperes, phases, voltage, featureProfiles, configuration { key: value }, callTimeoutSeconds",
        (string path, out ChargePointTemplate? value) =>
        {
            var problem = OptionValues.Template(path, out value);
            return problem ?? (value!.NumberOfConnectors < 1 ? $"'{path}' needs numberOfConnectors of at least 1." : null);
        });

    private readonly Option<string?> password = OptionValues.Create<string?>("--password", "secret", "HTTP Basic authentication password (user name = the id); profiles 1 and 2", OptionValues.Text);

    private readonly Option<int?> connectTimeout = OptionValues.Create("--connect-timeout", "s", "Seconds one connection attempt may take (default 10)", OptionValues.OptionalWholeNumber(3600));

    private readonly Option<bool> quiet = new("--quiet") { Description = "Do not print the traffic" };

    private readonly Option<bool> autoDriver = new("--auto-driver")
    {
        Description = "A virtual driver answers the Central System: plugs in 2-6 s after an accepted remote start, unplugs 1-4 s after a remote stop or unlock (default: you do, with 'plug' and 'unplug')",
    };

    private readonly SecurityArguments security = new(fleet: false);

    public ChargerCommandLine()
    {
        Command = new Command(
            "charger",
            """
            Run one virtual charge point against a Central System and print one line per frame: time, direction,
            message type, action, round trip, payload. Drive it by typing commands (type 'help' once it runs).
            """)
        {
            csms, id, template, password,
        };
        security.AddTo(Command);
        Command.Options.Add(connectTimeout);
        Command.Options.Add(quiet);
        Command.Options.Add(autoDriver);
    }

    /// <summary>The command, without an action (the caller sets it).</summary>
    public Command Command { get; }

    /// <summary>The options from a command line the parser accepted; on security options that do not fit together, an error naming the option.</summary>
    public (ChargerOptions? Options, string? Error) Bind(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var chosen = parsed.GetValue(template) ?? new ChargePointTemplate();
        var secret = parsed.GetValue(password);
        var (resolved, error) = security.Resolve(parsed, secret, chosen, centralSystemGiven: true);
        if (resolved is null)
        {
            return (null, error);
        }

        return (new ChargerOptions
        {
            CentralSystem = resolved.Endpoint(parsed.GetValue(csms)!),
            Id = parsed.GetValue(id)!,
            Template = chosen,
            Password = secret,
            Security = resolved,
            ConnectTimeout = TimeSpan.FromSeconds(parsed.GetValue(connectTimeout) ?? 10),
            Quiet = parsed.GetValue(quiet),
            AutoDriver = parsed.GetValue(autoDriver),
        }, null);
    }

    private static Option<T> Required<T>(Option<T> option)
    {
        option.Required = true;
        return option;
    }
}
