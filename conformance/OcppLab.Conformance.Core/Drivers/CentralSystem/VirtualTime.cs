using Microsoft.Extensions.Time.Testing;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The virtual clock of a charge-point case: a FakeTimeProvider for the charge point's timers and timestamps.
/// The charge point's timers post their work to its own scheduler, so the clock may be advanced from the test
/// while the charge point works; the caller lets it settle after each step.
/// </summary>
public sealed class VirtualTime
{
    /// <summary>A fixed start on a minute boundary, so clock-aligned intervals (OCTT TC_071) are easy to read.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Moves the clock forward by <paramref name="step"/>; the caller lets the charge point settle.</summary>
    public void Advance(TimeSpan step) => Clock.Advance(step);
}
