namespace OcppLab.Simulator.Fleet;

/// <summary>The fleet's state at one moment.</summary>
/// <param name="Started">Charge points powered on so far.</param>
/// <param name="Connected">With a connection open.</param>
/// <param name="Booted">Connected and accepted by the Central System.</param>
/// <param name="Charging">Connectors with a transaction running.</param>
/// <param name="Queued">Transaction messages waiting for delivery over every charge point.</param>
public readonly record struct FleetGauges(int Started, int Connected, int Booted, int Charging, int Queued)
{
    /// <summary>Charge points powered now (the stages' target, less the power cuts).</summary>
    public int Powered { get; init; }
}
