using OcppLab.ChargePoint;

namespace OcppLab.Simulator.Cli;

/// <summary>The options of the <c>charger</c> command.</summary>
internal sealed record ChargerOptions
{
    public required Uri CentralSystem { get; init; }

    public required string Id { get; init; }

    public ChargePointTemplate Template { get; init; } = new();

    public string? Password { get; init; }

    public SecurityOptions Security { get; init; } = new();

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public bool Quiet { get; init; }

    /// <summary>A virtual driver answers the Central System's remote starts, stops and unlocks (the fleet's drivers).</summary>
    public bool AutoDriver { get; init; }
}
