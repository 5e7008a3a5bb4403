namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>A fault at <paramref name="At"/> after the start that hits <paramref name="Fraction"/> of the fleet for <paramref name="Duration"/>.</summary>
/// <param name="At">When it starts, from the start of the run.</param>
/// <param name="Kind">What happens.</param>
/// <param name="Fraction">The share of the fleet's charge points hit, in (0, 1]; which ones is drawn from the seed.</param>
/// <param name="Duration">How long until the power or the network comes back (zero for a firmware campaign, which ends when each charge point is done).</param>
public sealed record FaultInjection(TimeSpan At, FaultKind Kind, double Fraction, TimeSpan Duration)
{
    /// <summary>The firmware rolled out, for <see cref="FaultKind.FirmwareCampaign"/>.</summary>
    public FirmwareCampaign? Firmware { get; init; }
}
