using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Scenarios;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Cli;

/// <summary>The options of the <c>fleet</c> command.</summary>
internal sealed record FleetOptions
{
    public const string DefaultEmbeddedUrl = "http://127.0.0.1:8180";

    /// <summary>The Central System; null to start the embedded one.</summary>
    public Uri? CentralSystem { get; init; }

    /// <summary>The lab Central System's operator API base (with <see cref="CentralSystem"/>), for firmware campaigns.</summary>
    public Uri? CentralSystemApi { get; init; }

    /// <summary>Where the embedded Central System listens (without <see cref="CentralSystem"/>); port 0 picks a free one.</summary>
    public Uri EmbeddedUrl { get; init; } = new(DefaultEmbeddedUrl);

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

    /// <summary>Whether the Prometheus endpoint listens on every interface rather than loopback.</summary>
    public bool MetricsOnAllInterfaces { get; init; }

    public Uri? Otlp { get; init; }

    public bool Quiet { get; init; }

    /// <summary>The scenario file's content; null for the short form (--chargers at --ramp).</summary>
    public ScenarioDefinition? Scenario { get; init; }

    /// <summary>The thresholds of the scenario file and of the command line.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>The length of a window of the report's time series.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where to write the verdicts as JUnit XML; null for nowhere.</summary>
    public string? JUnitPath { get; init; }

    /// <summary>How long the run lasts: --duration, else the scenario's stages, else until stopped.</summary>
    public TimeSpan? RunTime => Duration ?? (Scenario is { Scenario.EndsWithLastStage: true } s ? s.Scenario.Duration : null);

    /// <summary>The fleet these options describe, against <paramref name="centralSystem"/>.</summary>
    public FleetPlan ToPlan(Uri centralSystem) => new()
    {
        CentralSystem = centralSystem,
        Chargers = Chargers,
        Shard = Shard,
        RampPerSecond = RampPerSecond,
        IdPattern = IdPattern,
        Template = Template,
        Templates = Scenario?.Templates,
        Scenario = Scenario?.Scenario,
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
}
