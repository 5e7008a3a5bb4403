using OcppLab.Conformance.Drivers;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// What the whole run shares: the settings, the target (one embedded CSMS for all scenarios, each
/// scenario on its own charge point identity), and the measurements for the report.
/// </summary>
public sealed class LabRun : IAsyncDisposable
{
    private static readonly Lazy<LabRun> Shared = new(() => new LabRun(LabSettings.Load()));
    private readonly Lazy<CsmsTarget> target;
    private readonly Lazy<Task<string?>> preFlight;
    private int preFlightReported;

    public LabRun(LabSettings settings, Func<CsmsTarget>? target = null)
    {
        Settings = settings;
        this.target = new Lazy<CsmsTarget>(target ?? (() => settings.TargetsEmbeddedCsms
            ? new EmbeddedCsmsTarget()
            : new RemoteCsmsTarget(settings)));
        preFlight = new Lazy<Task<string?>>(() => PreFlight.CheckAsync(Settings, Target, new Measurements()));
    }

    /// <summary>The pre-flight's verdict on the set-up (null = right), checked once per run.</summary>
    public Task<string?> PreFlightProblemAsync() => preFlight.Value;

    public bool PreFlightStarted => preFlight.IsValueCreated;

    /// <summary>True for the first caller only: the first case carries a failed pre-flight as its failure, the rest do not run.</summary>
    public bool ClaimPreFlightReport() => Interlocked.Exchange(ref preFlightReported, 1) == 0;

    /// <summary>The conformance run's own.</summary>
    public static LabRun Conformance => Shared.Value;

    public static bool ConformanceStarted => Shared.IsValueCreated;

    public LabSettings Settings { get; }

    public CsmsTarget Target => target.Value;

    public Measurements Measurements { get; } = new();

    /// <summary>What scenarios could not clean up, per station, for the next scenario on it.</summary>
    public StationLedger Ledger { get; } = new();

    /// <summary>Registers the run's shared objects in a scenario's container.</summary>
    public void Configure(ScenarioContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        container.RegisterInstance(Settings);
        container.RegisterInstance(Target);
        container.RegisterInstance(Measurements);
        container.RegisterInstance(Ledger);
        container.RegisterInstance(this);
    }

    public async ValueTask DisposeAsync()
    {
        if (target.IsValueCreated)
        {
            await target.Value.DisposeAsync();
        }
    }
}
