using OcppLab.Conformance.Drivers;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// What the whole run shares: the settings, the target (a Central System by URL, or one the host embeds for
/// all scenarios, each scenario on its own charge point identity), and the measurements for the report.
/// </summary>
public sealed class LabRun : IAsyncDisposable
{
    private readonly Lazy<CsmsTarget> target;
    private readonly Lazy<Task<string?>> preFlight;
    private int preFlightReported;

    /// <param name="settings">The run's settings.</param>
    /// <param name="embedded">The host's embedded Central System, used when no <see cref="LabSettings.CsmsUrl"/> is set.</param>
    public LabRun(LabSettings settings, Func<CsmsTarget>? embedded = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        this.target = new Lazy<CsmsTarget>(() => settings.TargetsEmbeddedCsms
            ? (embedded ?? throw new InvalidOperationException($"No Central System to test: set {LabSettings.EnvironmentName(nameof(LabSettings.CsmsUrl))}."))()
            : new RemoteCsmsTarget(settings));
        preFlight = new Lazy<Task<string?>>(() => PreFlight.CheckAsync(Settings, Target, new Measurements()));
    }

    /// <summary>The pre-flight's verdict on the set-up (null = right), checked once per run.</summary>
    public Task<string?> PreFlightProblemAsync() => preFlight.Value;

    public bool PreFlightStarted => preFlight.IsValueCreated;

    /// <summary>True for the first caller only: the first case carries a failed pre-flight as its failure, the rest do not run.</summary>
    public bool ClaimPreFlightReport() => Interlocked.Exchange(ref preFlightReported, 1) == 0;

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
