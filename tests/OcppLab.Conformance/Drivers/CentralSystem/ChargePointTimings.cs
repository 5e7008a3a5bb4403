using System.Collections.Concurrent;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The charge point's response times to the lab's requests (CS → CP), for the charge-point section of the
/// report. Wall-clock, so they measure the charge point's handling, not the virtual timers.
/// </summary>
public sealed class ChargePointTimings
{
    private readonly ConcurrentQueue<Measurement> items = new();

    public static ChargePointTimings Run { get; } = new();

    public IReadOnlyList<Measurement> All => [.. items];

    public void Record(string action, TimeSpan roundTrip, bool answered) => items.Enqueue(new Measurement(action, roundTrip, answered));
}
