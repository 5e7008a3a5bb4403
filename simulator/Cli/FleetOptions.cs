using System.Globalization;
using System.Text.RegularExpressions;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Cli;

/// <summary>The options of the <c>fleet</c> command.</summary>
internal sealed partial record FleetOptions
{
    public const string DefaultEmbeddedUrl = "http://127.0.0.1:8180";

    public const string Help = """
        Usage: simulator fleet [options]

        Runs many virtual charge points against a Central System with a session arrival process, shows a
        live view, and writes a report (JSON, Markdown, HTML). Without --csms it starts the lab's Central
        System in this process on http://127.0.0.1:8180 and runs against it.

        Options:
          --csms <url>             Central System base URL, ws:// or wss:// (default: the embedded one)
          --chargers <n>           Charge points in the whole fleet (default 50)
          --ramp <rate>            Power-ons per second, like 500/s or 600/m (default 10/s)
          --duration <time>        How long to run, like 90s, 10m, 1h (default: until Ctrl+C)
          --template <file>        Charge point template (JSON; see 'charger --help')
          --connectors <n>         Connectors per charge point (default: the template's)
          --id-pattern <format>    Identity of charge point n, a .NET format: CP{0:00000} (default FLEET{0:00000})
          --shard <k/n>            Run slice k of n of the id space (default 1/1); n processes make one fleet
          --seed <n>               Seed of every random draw (default 42)
          --session-gap <time>     Mean idle time of a connector between sessions, exponential (default 2m)
          --session-length <time>  Mean charging time, exponential (default 5m)
          --ev-demand <A>          Mean EV current per phase; drawn within ±50%, capped by the template (default 16)
          --id-tag <format>        The cards, a .NET format of n (default VALID{0:000}); connector g uses card g mod count + 1
          --id-tags <n>            How many cards (default: one per connector of the fleet)
          --password <secret>      HTTP Basic password of every charge point; profiles 1 and 2
          --security-profile <n>   OCPP 1.6 Security Whitepaper profile of every charge point: 0 none,
                                   1 Basic, 2 TLS + Basic, 3 TLS with a client certificate (default: the
                                   template's SecurityProfile, else 1 with --password, else 0). 2 and 3
                                   need --csms; a ws:// URL is used as wss:// on the same port
          --ca-cert <pem>          Profiles 2 and 3: the Central System root certificate(s) the server
                                   certificate must chain to, installed on every charge point as
                                   CentralSystemRootCertificate (default: the system trust store)
          --client-ca-cert <pem>   Profile 3: a CA the Central System trusts; each charge point gets its own
                                   certificate from it as it powers on (CN = its identity, O = CpoName,
                                   ECDSA P-256; 1,000 take about 1 s with an RSA CA, 0.6 s with an EC one).
                                   Our CSMS keeps its CA in its data directory as ca.pem and ca.key.pem
          --client-ca-key <pem>    Profile 3: that CA's private key, unencrypted PEM (PKCS#8, RSA or EC)
          --report <prefix>        Write PREFIX.json, PREFIX.md, PREFIX.html (default fleet-report)
          --metrics-port <port>    Serve Prometheus metrics on http://127.0.0.1:PORT/metrics
          --otlp <url>             Push metrics over OTLP/HTTP to a collector, e.g. http://localhost:4318
          --quiet                  No live view
          --help                   Show this help
        """;

    /// <summary>The Central System; null to start the embedded one.</summary>
    public Uri? CentralSystem { get; init; }

    public int Chargers { get; init; } = 50;

    public double RampPerSecond { get; init; } = 10;

    public TimeSpan? Duration { get; init; }

    public ChargePointTemplate Template { get; init; } = new();

    public string IdPattern { get; init; } = "FLEET{0:00000}";

    public Shard Shard { get; init; } = Shard.Whole;

    public long Seed { get; init; } = 42;

    public SessionProfile Sessions { get; init; } = new();

    public string IdTagPattern { get; init; } = "VALID{0:000}";

    public int? IdTagCount { get; init; }

    public string? Password { get; init; }

    public SecurityOptions Security { get; init; } = new();

    public string ReportPrefix { get; init; } = "fleet-report";

    public int? MetricsPort { get; init; }

    public Uri? Otlp { get; init; }

    public bool Quiet { get; init; }

    public bool ShowHelp { get; init; }

    /// <summary>The fleet these options describe, against <paramref name="centralSystem"/>.</summary>
    public FleetPlan ToPlan(Uri centralSystem) => new()
    {
        CentralSystem = centralSystem,
        Chargers = Chargers,
        Shard = Shard,
        RampPerSecond = RampPerSecond,
        IdPattern = IdPattern,
        Template = Template,
        Sessions = Sessions with { MaxDemandAmperes = Template.MaxCurrentAmperes },
        IdTagPattern = IdTagPattern,
        IdTagCount = IdTagCount,
        Seed = Seed,
        Password = Password,
        Security = new FleetSecurity
        {
            Profile = Security.Profile,
            CentralSystemRoots = Security.CentralSystemRoots,
            ClientCertificates = Security.ClientCertificateAuthority,
        },
    };

    /// <summary>Parses the arguments; on a bad value returns an error that names the option and the value.</summary>
    public static (FleetOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var o = new FleetOptions();
        int? connectors = null;
        var security = new SecurityArguments(fleet: true);
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            switch (option)
            {
                case "--help" or "-h":
                    return (o with { ShowHelp = true }, null);
                case "--quiet":
                    o = o with { Quiet = true };
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
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var csms) || csms.Scheme is not ("ws" or "wss"))
                    {
                        problem = $"--csms: '{value}' is not a ws:// or wss:// URL.";
                    }
                    else
                    {
                        o = o with { CentralSystem = csms };
                    }

                    break;
                case "--chargers":
                    problem = PositiveInt(option, value, 1_000_000, out var chargers);
                    o = o with { Chargers = chargers };
                    break;
                case "--connectors":
                    problem = PositiveInt(option, value, 100, out var n);
                    connectors = n;
                    break;
                case "--ramp":
                    if (TryRate(value) is { } rate)
                    {
                        o = o with { RampPerSecond = rate };
                    }
                    else
                    {
                        problem = $"--ramp: '{value}' is not a rate like 500/s.";
                    }

                    break;
                case "--duration":
                    problem = Time(option, value, out var duration);
                    o = o with { Duration = duration };
                    break;
                case "--session-gap":
                    problem = Time(option, value, out var gap);
                    o = o with { Sessions = o.Sessions with { MeanGap = gap } };
                    break;
                case "--session-length":
                    problem = Time(option, value, out var length);
                    o = o with { Sessions = o.Sessions with { MeanLength = length } };
                    break;
                case "--ev-demand":
                    if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amperes) || amperes <= 0 || amperes > 1000)
                    {
                        problem = $"--ev-demand: '{value}' is not a current in amperes like 16.";
                    }
                    else
                    {
                        o = o with { Sessions = o.Sessions with { MeanDemandAmperes = amperes } };
                    }

                    break;
                case "--template":
                    try
                    {
                        o = o with { Template = ChargePointTemplate.FromJson(File.ReadAllText(value)) };
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
                    {
                        problem = $"--template: '{value}' could not be read: {e.Message}";
                    }

                    break;
                case "--id-pattern":
                    problem = Pattern(option, value, "CP{0:00000}");
                    o = o with { IdPattern = value };
                    break;
                case "--id-tag":
                    problem = Pattern(option, value, "VALID{0:000}");
                    o = o with { IdTagPattern = value };
                    break;
                case "--id-tags":
                    problem = PositiveInt(option, value, 10_000_000, out var tags);
                    o = o with { IdTagCount = tags };
                    break;
                case "--shard":
                    var match = ShardSyntax().Match(value);
                    if (!match.Success
                        || !int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
                        || !int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var of)
                        || of < 1 || k < 1 || k > of)
                    {
                        problem = $"--shard: '{value}' is not a shard like 2/4 (k from 1 to n).";
                    }
                    else
                    {
                        o = o with { Shard = new Shard(k, of) };
                    }

                    break;
                case "--seed":
                    if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
                    {
                        problem = $"--seed: '{value}' is not a whole number.";
                    }

                    o = o with { Seed = seed };
                    break;
                case "--password":
                    o = o with { Password = value };
                    break;
                case "--report":
                    problem = value.Length == 0 ? "--report: '' is not a file name prefix." : null;
                    o = o with { ReportPrefix = value };
                    break;
                case "--metrics-port":
                    problem = PositiveInt(option, value, 65535, out var port);
                    o = o with { MetricsPort = port };
                    break;
                case "--otlp":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out var otlp) || otlp.Scheme is not ("http" or "https"))
                    {
                        problem = $"--otlp: '{value}' is not an http:// or https:// URL.";
                    }
                    else
                    {
                        o = o with { Otlp = otlp };
                    }

                    break;
                default:
                    problem = $"{option}: unknown option. Run 'fleet --help' to list the options.";
                    break;
            }

            if (problem is not null)
            {
                return (null, problem);
            }
        }

        if (connectors is { } count)
        {
            o = o with { Template = o.Template with { NumberOfConnectors = count } };
        }

        if (o.Template.NumberOfConnectors < 1)
        {
            return (null, "--template: numberOfConnectors must be at least 1.");
        }

        if (o.Shard.Count > o.Chargers)
        {
            return (null, $"--shard: '{o.Shard}' has more shards than the {o.Chargers} charge points.");
        }

        var (resolved, error) = security.Resolve(o.Password, o.Template, o.CentralSystem is not null);
        if (resolved is null)
        {
            return (null, error);
        }

        return (o with { Security = resolved, CentralSystem = o.CentralSystem is { } url ? resolved.Endpoint(url) : null }, null);
    }

    /// <summary>A rate such as <c>500/s</c>, <c>600/m</c>, <c>0.5/s</c>, <c>3600/h</c>, per second.</summary>
    public static double? TryRate(string text)
    {
        var match = RateSyntax().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "s" => count,
            "m" or "min" => count / 60,
            _ => count / 3600,
        };
    }

    /// <summary>A duration such as <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>500ms</c>, or plain seconds.</summary>
    public static TimeSpan? TryDuration(string text)
    {
        var match = DurationSyntax().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "" or "s" => TimeSpan.FromSeconds(amount),
            "m" or "min" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static string? PositiveInt(string option, string value, int max, out int result)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= 1 && result <= max)
        {
            return null;
        }

        return $"{option}: '{value}' is not a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}.";
    }

    private static string? Time(string option, string value, out TimeSpan result)
    {
        result = TryDuration(value) ?? TimeSpan.Zero;
        return result > TimeSpan.Zero ? null : $"{option}: '{value}' is not a duration like 90s, 10m or 1h.";
    }

    private static string? Pattern(string option, string value, string example)
    {
        try
        {
            var first = string.Format(CultureInfo.InvariantCulture, value, 1);
            var second = string.Format(CultureInfo.InvariantCulture, value, 2);
            if (first == second)
            {
                return $"{option}: '{value}' does not contain {{0}}, so every number gives the same name (try {example}).";
            }

            if (first.Length is 0 or > 48 || first.Any(c => char.IsWhiteSpace(c) || c == '/'))
            {
                return $"{option}: '{value}' makes '{first}', which is not 1 to 48 characters without spaces or '/'.";
            }

            return null;
        }
        catch (FormatException)
        {
            return $"{option}: '{value}' is not a format like {example}.";
        }
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)/(s|m|min|h)$")]
    private static partial Regex RateSyntax();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|min|h|)$")]
    private static partial Regex DurationSyntax();

    [GeneratedRegex(@"^(\d+)/(\d+)$")]
    private static partial Regex ShardSyntax();
}
