using System.Collections.Concurrent;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The charge point's response times to the lab's requests (CS → CP), the time from a request to the
/// message it makes the charge point send (RemoteStartTransaction → StartTransaction, RemoteStopTransaction →
/// StopTransaction, TriggerMessage → the requested message), and the charge point's own answer timeout, for
/// the charge-point section of the report. Times are wall-clock, so they measure the charge point's handling,
/// not the virtual timers; the virtual time that passed is kept beside them.
/// </summary>
public sealed class ChargePointTimings
{
    private readonly ConcurrentQueue<Measurement> items = new();
    private readonly ConcurrentQueue<FollowUpTiming> followUps = new();
    private readonly ConcurrentDictionary<int, bool> responseTimeouts = new();

    public static ChargePointTimings Run { get; } = new();

    public IReadOnlyList<Measurement> All => [.. items];

    public IReadOnlyList<FollowUpTiming> FollowUps => [.. followUps];

    /// <summary>Every CallTimeoutSeconds a charge point under test was built with, ascending.</summary>
    public IReadOnlyList<int> ResponseTimeoutsSeconds => [.. responseTimeouts.Keys.Order()];

    public void Record(string action, TimeSpan roundTrip, bool answered) => items.Enqueue(new Measurement(action, roundTrip, answered));

    public void RecordFollowUp(string trigger, string result, TimeSpan elapsed, TimeSpan virtualElapsed) =>
        followUps.Enqueue(new FollowUpTiming(trigger, result, elapsed, virtualElapsed));

    public void RecordResponseTimeout(int seconds) => responseTimeouts[seconds] = true;
}

/// <summary>From the lab sending <paramref name="Trigger"/> to receiving the <paramref name="Result"/> it caused.</summary>
/// <param name="Elapsed">Wall-clock.</param>
/// <param name="VirtualElapsed">On the charge point's virtual clock: non-zero when a timer of the charge point sat in between.</param>
public sealed record FollowUpTiming(string Trigger, string Result, TimeSpan Elapsed, TimeSpan VirtualElapsed);
