using System.Collections.Concurrent;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// Every timed exchange of a run: for each CALL the lab sent, the time from sending it to receiving the
/// CSMS's answer. The certificate's performance table (octt16-csms.md §4) is computed from these.
/// </summary>
public sealed class Measurements
{
    private readonly ConcurrentQueue<Measurement> items = new();

    public IReadOnlyList<Measurement> All => [.. items];

    public void Record(string action, TimeSpan roundTrip, bool answered) => items.Enqueue(new Measurement(action, roundTrip, answered));
}

/// <summary>One CP → CS exchange; <paramref name="Answered"/> is false for a CALLERROR.</summary>
public sealed record Measurement(string Action, TimeSpan RoundTrip, bool Answered);
