using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Scenarios;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// The <c>fleet</c> command's options: each value is read and checked by the parser; <see cref="Bind(ParseResult)"/> then checks
/// the ones that depend on each other and makes the <see cref="FleetOptions"/>.
/// </summary>
internal sealed partial class FleetCommandLine
{
    private static readonly FleetOptions Defaults = new();

    private readonly Option<Uri?> csms = OptionValues.Create("--csms", "url", "Central System base URL, ws:// or wss:// (default: the embedded one)", OptionValues.Url("a ws:// or wss:// URL", "ws", "wss"));

    private readonly Option<Uri?> urls = OptionValues.Create(
        "--urls",
        "url",
        $"Without --csms: where the embedded Central System listens, http:// (default {FleetOptions.DefaultEmbeddedUrl}; port 0 picks a free one)",
        OptionValues.Url("an http:// URL", "http"));

    private readonly Option<Uri?> csmsApi = OptionValues.Create(
        "--csms-api",
        "url",
        "With --csms: the lab Central System's operator API base, http(s)://host:port, through which a scenario's firmware campaign has UpdateFirmware sent (the embedded one's is used without --csms)",
        OptionValues.Url("an http:// or https:// URL", "http", "https"));

    private readonly Option<int?> chargers = OptionValues.Create("--chargers", "n", $"Charge points in the whole fleet (default {Defaults.Chargers})", OptionValues.OptionalWholeNumber(1_000_000));

    private readonly Option<double?> ramp = OptionValues.Create<double?>("--ramp", "rate", "Power-ons per second, like 500/s or 600/m (default 10/s)", (string text, out double? value) =>
    {
        var problem = OptionValues.Rate(text, out var rate);
        value = problem is null ? rate : null;
        return problem;
    });

    private readonly Option<TimeSpan?> duration = OptionValues.Create<TimeSpan?>("--duration", "time", "How long to run, like 90s, 10m, 1h (default: until Ctrl+C)", OptionValues.OptionalDuration);

    private readonly Option<ChargePointTemplate?> template = OptionValues.Create<ChargePointTemplate?>("--template", "file", "Charge point template (JSON; see 'charger --help')", OptionValues.Template);

    private readonly Option<int?> connectors = OptionValues.Create("--connectors", "n", "Connectors per charge point (default: the template's)", OptionValues.OptionalWholeNumber(100));

    private readonly Option<string?> idPattern = OptionValues.Create("--id-pattern", "format", $"Identity of charge point n, a .NET format: CP{{0:00000}} (default {Defaults.IdPattern})", OptionValues.IdentityPattern("CP{0:00000}"));

    private readonly Option<Shard?> shard = OptionValues.Create<Shard?>("--shard", "k/n", $"Run slice k of n of the id space (default 1/1, or a Kubernetes Indexed Job's {Shard.IndexVariable}+1 of {Shard.CountVariable}); n processes with the same options make one fleet", (string text, out Shard? value) =>
    {
        var match = ShardSyntax().Match(text);
        value = match.Success
            && int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var k)
            && int.TryParse(match.Groups[2].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var of)
            && of >= 1 && k >= 1 && k <= of
                ? new Shard(k, of)
                : null;
        return value is null ? $"'{text}' is not a shard like 2/4 (k from 1 to n)." : null;
    });

    private readonly Option<long?> seed = OptionValues.Create<long?>("--seed", "n", $"Seed of every random draw (default {Defaults.Seed})", (string text, out long? value) =>
    {
        value = long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;
        return value is null ? $"'{text}' is not a whole number." : null;
    });

    private readonly Option<TimeSpan?> sessionGap = OptionValues.Create<TimeSpan?>("--session-gap", "time", "Mean idle time of a connector between sessions, exponential (default 2m)", OptionValues.OptionalDuration);

    private readonly Option<TimeSpan?> sessionLength = OptionValues.Create<TimeSpan?>("--session-length", "time", "Mean charging time, exponential (default 5m)", OptionValues.OptionalDuration);

    private readonly Option<decimal?> evDemand = OptionValues.Create<decimal?>("--ev-demand", "A", "Mean EV current per phase in amperes; drawn within ±50%, capped by the template (default 16)", (string text, out decimal? value) =>
    {
        value = decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amperes) && amperes > 0 && amperes <= 1000 ? amperes : null;
        return value is null ? $"'{text}' is not a current in amperes like 16." : null;
    });

    private readonly Option<string?> idTag = OptionValues.Create("--id-tag", "format", $"The cards, a .NET format of n (default {Defaults.IdTagPattern}); connector g uses card g mod count + 1", OptionValues.IdentityPattern("VALID{0:000}"));

    private readonly Option<int?> idTags = OptionValues.Create("--id-tags", "n", "How many cards (default: one per connector of the fleet)", OptionValues.OptionalWholeNumber(10_000_000));

    private readonly Option<string?> password = OptionValues.Create<string?>("--password", "secret", "HTTP Basic password of every charge point; profiles 1 and 2", OptionValues.Text);

    private readonly Option<string?> report = OptionValues.Create<string?>("--report", "prefix", $"Write PREFIX.json, PREFIX.md, PREFIX.html (default {Defaults.ReportPrefix})", (string text, out string? value) =>
    {
        value = text;
        return text.Length == 0 ? "'' is not a file name prefix." : null;
    });

    private readonly Option<int?> metricsPort = OptionValues.Create("--metrics-port", "port", "Serve Prometheus metrics on http://127.0.0.1:PORT/metrics", OptionValues.OptionalWholeNumber(65535));

    private readonly Option<bool> metricsAllInterfaces = new("--metrics-all-interfaces") { Description = "Serve --metrics-port on every interface, not only 127.0.0.1 (in a container, for Prometheus to scrape the pod)" };

    private readonly Option<Uri?> otlp = OptionValues.Create("--otlp", "url", "Push metrics over OTLP/HTTP to a collector, e.g. http://localhost:4318", OptionValues.Url("an http:// or https:// URL", "http", "https"));

    private readonly Option<bool> quiet = new("--quiet") { Description = "No live view" };

    private readonly Option<ScenarioDefinition?> scenario = OptionValues.Create<ScenarioDefinition?>(
        "--scenario",
        "file",
        "A scenario (JSON, or YAML for .yaml/.yml): stages of powered charge points and session rate, a weighted template mix, power cuts, network drops and firmware campaigns, thresholds; the run lasts its stages. Examples in simulator/scenarios/",
        (string text, out ScenarioDefinition? value) =>
        {
            try
            {
                value = ScenarioFile.Load(text);
                return null;
            }
            catch (ScenarioFileException e)
            {
                value = null;
                return $"'{text}': {e.Message}";
            }
        });

    private readonly Option<string[]> thresholds = new("--threshold")
    {
        Description = $"A pass/fail criterion, k6 style, repeatable: 'p99(Authorize)<500ms', 'errors<0.1%', 'connected>=99%' ({Threshold.Syntax}). Any failed: exit code {ExitCodes.ThresholdsFailed}",
        HelpName = "expr",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<TimeSpan?> window = OptionValues.Create<TimeSpan?>("--window", "time", "Length of a window of the report's time series (default 10s)", OptionValues.OptionalDuration);

    private readonly Option<string?> junit = OptionValues.Create<string?>("--junit", "path", "Write the thresholds' verdicts as JUnit XML, one test case per threshold", (string text, out string? value) =>
    {
        value = text;
        return text.Length == 0 ? "'' is not a file name." : null;
    });

    private readonly SecurityArguments security = new(fleet: true);

    public FleetCommandLine()
    {
        Command = new Command(
            "fleet",
            $"""
            Run many virtual charge points against a Central System with a session arrival process, show a live view,
            and write a report (JSON, Markdown, HTML). Without --csms it starts the lab's Central System in a child
            process on {FleetOptions.DefaultEmbeddedUrl} (or --urls), runs against it, and stops it at the end; the
            report gives the memory and CPU of the fleet and of that Central System apart.
            """)
        {
            csms, urls, csmsApi, chargers, ramp, duration, template, connectors, idPattern, shard, seed, sessionGap, sessionLength, evDemand, idTag, idTags, password,
        };
        security.AddTo(Command);
        Command.Options.Add(report);
        Command.Options.Add(metricsPort);
        Command.Options.Add(metricsAllInterfaces);
        Command.Options.Add(otlp);
        Command.Options.Add(quiet);
        Command.Options.Add(scenario);
        Command.Options.Add(thresholds);
        Command.Options.Add(junit);
        Command.Options.Add(window);
    }

    /// <summary>The command, without an action (the caller sets it).</summary>
    public Command Command { get; }

    /// <summary>
    /// The options from a command line the parser accepted; on options that contradict each other (or a security file
    /// that cannot be used) an error naming the option and the value.
    /// </summary>
    public (FleetOptions? Options, string? Error) Bind(ParseResult parsed) => Bind(parsed, Environment.GetEnvironmentVariable);

    /// <summary>As <see cref="Bind(ParseResult)"/>, reading the Indexed Job's variables from <paramref name="environment"/> when --shard is not given.</summary>
    public (FleetOptions? Options, string? Error) Bind(ParseResult parsed, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        Shard? fromJob;
        try
        {
            fromJob = parsed.GetResult(shard) is null ? Shard.FromIndexedJob(environment) : null;
        }
        catch (FormatException e)
        {
            return (null, e.Message);
        }

        var o = new FleetOptions
        {
            CentralSystem = parsed.GetValue(csms),
            EmbeddedUrl = parsed.GetValue(urls) ?? Defaults.EmbeddedUrl,
            Chargers = parsed.GetValue(chargers) ?? Defaults.Chargers,
            RampPerSecond = parsed.GetValue(ramp) ?? Defaults.RampPerSecond,
            Duration = parsed.GetValue(duration),
            Template = parsed.GetValue(template) ?? Defaults.Template,
            IdPattern = parsed.GetValue(idPattern) ?? Defaults.IdPattern,
            Shard = parsed.GetValue(shard) ?? fromJob ?? Defaults.Shard,
            Seed = parsed.GetValue(seed) ?? Defaults.Seed,
            Sessions = Defaults.Sessions with
            {
                MeanGap = parsed.GetValue(sessionGap) ?? Defaults.Sessions.MeanGap,
                MeanLength = parsed.GetValue(sessionLength) ?? Defaults.Sessions.MeanLength,
                MeanDemandAmperes = parsed.GetValue(evDemand) ?? Defaults.Sessions.MeanDemandAmperes,
            },
            IdTagPattern = parsed.GetValue(idTag) ?? Defaults.IdTagPattern,
            IdTagCount = parsed.GetValue(idTags),
            Password = parsed.GetValue(password),
            ReportPrefix = parsed.GetValue(report) ?? Defaults.ReportPrefix,
            MetricsPort = parsed.GetValue(metricsPort),
            Otlp = parsed.GetValue(otlp),
            Quiet = parsed.GetValue(quiet),
            CentralSystemApi = parsed.GetValue(csmsApi),
            MetricsOnAllInterfaces = parsed.GetValue(metricsAllInterfaces),
        };

        if (o.MetricsOnAllInterfaces && o.MetricsPort is null)
        {
            return (null, "--metrics-all-interfaces: give --metrics-port too.");
        }

        if (o.CentralSystem is null && o.CentralSystemApi is not null)
        {
            return (null, $"--csms-api: without --csms the embedded Central System's own API is used; leave --csms-api {o.CentralSystemApi} out or add --csms.");
        }

        if (o.CentralSystem is not null && parsed.GetResult(urls) is not null)
        {
            return (null, $"--urls: the embedded Central System is not started with --csms {o.CentralSystem}; leave one of them out.");
        }

        var definition = parsed.GetValue(scenario);
        var criteria = new List<Threshold>(definition?.Thresholds ?? []);
        foreach (var text in parsed.GetValue(thresholds) ?? [])
        {
            try
            {
                criteria.Add(Threshold.Parse(text));
            }
            catch (FormatException e)
            {
                return (null, "--threshold: " + e.Message);
            }
        }

        o = o with { Thresholds = criteria, JUnitPath = parsed.GetValue(junit), Window = parsed.GetValue(window) ?? Defaults.Window };
        if (definition is not null)
        {
            if (parsed.GetResult(chargers) is not null || parsed.GetResult(ramp) is not null)
            {
                return (null, $"--scenario: its stages set the fleet's size (a peak of {definition.Scenario.Peak}) and ramps; leave --chargers and --ramp out.");
            }

            var campaign = definition.Scenario.Faults.Select((f, i) => (f, i)).FirstOrDefault(x => x.f.Kind == FaultKind.FirmwareCampaign);
            if (campaign.f is not null && o.CentralSystem is not null && o.CentralSystemApi is null)
            {
                return (null, $"--scenario: faults[{campaign.i}] is a firmwareCampaign, which the Central System carries out: with --csms {o.CentralSystem} also give --csms-api (the lab Central System's operator API), or run against the embedded one.");
            }

            o = o with
            {
                Scenario = definition,
                Chargers = definition.Scenario.Peak,
                Seed = definition.Seed ?? o.Seed,
                Sessions = definition.Sessions ?? o.Sessions,
            };
        }

        if (parsed.GetValue(connectors) is { } count)
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

        var (resolved, error) = security.Resolve(parsed, o.Password, o.Template, o.CentralSystem is not null);
        if (resolved is null)
        {
            return (null, error);
        }

        return (o with { Security = resolved, CentralSystem = o.CentralSystem is { } url ? resolved.Endpoint(url) : null }, null);
    }

    [GeneratedRegex(@"^(\d+)/(\d+)$")]
    private static partial Regex ShardSyntax();
}
