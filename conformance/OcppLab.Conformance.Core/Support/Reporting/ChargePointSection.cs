using System.Globalization;
using System.Text;
using OcppLab.Conformance.Drivers.CentralSystem;

namespace OcppLab.Conformance.Support.Reporting;

/// <summary>
/// The charge-point part of the report: a verdict per feature profile of the OCTT Charge Point cases
/// (features/charge-point, octt16-cp.md), the failing cases with the step that failed and why, and the
/// charge point's performance parameters of the PICS (octt16-csms.md §4, "applies to CP"): OCPP response
/// timeout, transaction authorization time by RemoteStartTransaction, authorization end time by
/// RemoteStopTransaction, the triggered function time, and the response time per CS → CP action.
/// </summary>
public sealed class ChargePointSection
{
    public const string FeatureRoot = "features/charge-point/";

    /// <summary>How the lab reaches the charge point; a declared value of the PICS, not a measurement.</summary>
    public const string CommunicationTechnology = "in process: OCPP-J frames over an in-memory WebSocket connection";

    private ChargePointSection(
        IReadOnlyList<ProfileVerdict> profiles,
        IReadOnlyList<ActionTiming> timings,
        IReadOnlyList<int> callErrors,
        IReadOnlyList<FollowUpStatistics> followUps,
        IReadOnlyList<int> responseTimeoutsSeconds)
    {
        ProfileVerdicts = profiles;
        Timings = timings;
        CallErrors = callErrors;
        FollowUps = followUps;
        ResponseTimeoutsSeconds = responseTimeoutsSeconds;
    }

    public IReadOnlyList<ProfileVerdict> ProfileVerdicts { get; }

    /// <summary>Response time per CS → CP action, ordered by action.</summary>
    public IReadOnlyList<ActionTiming> Timings { get; }

    /// <summary>For each entry of <see cref="Timings"/>, how many of its answers were CALLERRORs.</summary>
    public IReadOnlyList<int> CallErrors { get; }

    /// <summary>Request → consequence times, one entry per kind that was measured.</summary>
    public IReadOnlyList<FollowUpStatistics> FollowUps { get; }

    public IReadOnlyList<int> ResponseTimeoutsSeconds { get; }

    /// <summary>"Transaction authorization time by RemoteStartTransaction": RemoteStartTransaction.req → StartTransaction.req.</summary>
    public FollowUpStatistics? RemoteStart => FollowUps.FirstOrDefault(f => f.Trigger == "RemoteStartTransaction");

    /// <summary>"Transaction authorization end time by RemoteStopTransaction": RemoteStopTransaction.req → StopTransaction.req.</summary>
    public FollowUpStatistics? RemoteStop => FollowUps.FirstOrDefault(f => f.Trigger == "RemoteStopTransaction");

    /// <summary>"OCPP triggered function" time: TriggerMessage.req → the requested message, all kinds together.</summary>
    public FollowUpStatistics? Triggered => FollowUps.FirstOrDefault(f => f.Trigger == "TriggerMessage");

    /// <summary>Null when no scenario under features/charge-point ran, so that a Central System run carries no empty section.</summary>
    public static ChargePointSection? Build(IReadOnlyList<ScenarioResult> results, ChargePointTimings timings)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(timings);
        if (!results.Any(r => r.FeatureFile.StartsWith(FeatureRoot, StringComparison.Ordinal)))
        {
            return null;
        }

        var profiles = ConformanceReport.VerdictsByProfile(results, FeatureRoot, Reason);
        var byAction = timings.All.GroupBy(m => m.Action).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var followUps = timings.FollowUps
            .GroupBy(f => f.Trigger)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new FollowUpStatistics(
                g.Key,
                string.Join(", ", g.Select(f => f.Result).Distinct().Order(StringComparer.Ordinal)),
                ActionTiming.From(g.Key, [.. g.Select(f => f.Elapsed.TotalMilliseconds)]),
                g.Max(f => f.VirtualElapsed.TotalSeconds)))
            .ToList();
        return new ChargePointSection(
            profiles,
            [.. byAction.Select(g => ActionTiming.From(g.Key, [.. g.Select(m => m.RoundTrip.TotalMilliseconds)]))],
            [.. byAction.Select(g => g.Count(m => !m.Answered))],
            followUps,
            timings.ResponseTimeoutsSeconds);
    }

    /// <summary>What went wrong, without the runner's "Step '…' failed (file:line):" header, which the failing step column shows.</summary>
    public static string Reason(string? message)
    {
        var lines = (message ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length switch
        {
            0 => "",
            1 => lines[0],
            _ => lines[0].EndsWith(':') ? lines[1] : lines[0],
        };
    }

    public void AppendMarkdown(StringBuilder md)
    {
        ArgumentNullException.ThrowIfNull(md);
        var invariant = CultureInfo.InvariantCulture;
        md.AppendLine("# OCPP 1.6-J conformance report (Charge Point)");
        md.AppendLine();
        md.AppendLine("- System under test: the lab's virtual charge point (OcppLab.Simulator), on virtual time");
        md.AppendLine("- Test cases: OCTT 1.6 test case document, Charge Point section (octt16-cp.md)");
        md.AppendLine();
        md.AppendLine("## Charge Point feature profiles");
        md.AppendLine();
        ConformanceReport.WriteProfileTable(md, ProfileVerdicts);

        md.AppendLine();
        md.AppendLine("## Charge Point failing and not-run test cases");
        md.AppendLine();
        var open = ProfileVerdicts.SelectMany(p => p.Cases.Where(c => c.Outcome != ScenarioOutcome.Passed).Select(c => (p, c))).ToList();
        if (open.Count == 0)
        {
            md.AppendLine("None.");
        }
        else
        {
            md.AppendLine("| Test case | Profile | Outcome | Failing step | Reason |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var (p, c) in open)
            {
                md.AppendLine(invariant, $"| {c.Id} {c.Title} | {p.Name} | {c.Outcome} | {ConformanceReport.Escape(c.FailingStep ?? "–")} | {ConformanceReport.Escape(c.Reasons.Count > 0 ? c.Reasons[0] : "")} |");
            }
        }

        md.AppendLine();
        md.AppendLine("## Charge Point performance measurements");
        md.AppendLine();
        md.AppendLine("| Parameter | Value |");
        md.AppendLine("|---|---|");
        md.AppendLine(invariant, $"| OCPP response timeout | {(ResponseTimeoutsSeconds.Count > 0 ? string.Join(", ", ResponseTimeoutsSeconds.Select(s => $"{s} s")) + " (the charge point's wait for each answer, as configured)" : "not recorded")} |");
        md.AppendLine(invariant, $"| Transaction authorization time by RemoteStartTransaction | {Describe(RemoteStart)} |");
        md.AppendLine(invariant, $"| Transaction authorization end time by RemoteStopTransaction | {Describe(RemoteStop)} |");
        md.AppendLine(invariant, $"| OCPP triggered function time (TriggerMessage) | {Describe(Triggered)} |");
        md.AppendLine(invariant, $"| Communication technology | {CommunicationTechnology} |");
        md.AppendLine();
        md.AppendLine("Times are wall-clock at the lab, from sending the request to receiving the message it causes; pairs with a tester action in between are left out.");
        md.AppendLine();
        md.AppendLine("Response time per CS → CP action (request sent to response received, at the lab):");
        md.AppendLine();
        md.AppendLine("| Action | Count | CALLERROR | p50 (ms) | p95 (ms) | Max (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < Timings.Count; i++)
        {
            var t = Timings[i];
            md.AppendLine(invariant, $"| {t.Action} | {t.Count} | {CallErrors[i]} | {t.P50Ms:0.0} | {t.P95Ms:0.0} | {t.MaxMs:0.0} |");
        }
    }

    /// <summary>The section as it appears under "chargePoint" in conformance-report.json.</summary>
    public object ToJsonObject() => new
    {
        testCases = "OCTT 1.6 test case document, Charge Point section",
        profiles = ProfileVerdicts.Select(p => new
        {
            profile = p.Tag,
            name = p.Name,
            result = p.Result,
            cases = p.Cases.Select(c => new { id = c.Id, title = c.Title, outcome = c.Outcome.ToString(), failingStep = c.FailingStep, reasons = c.Reasons }),
        }),
        failingCases = ProfileVerdicts.SelectMany(p => p.Cases.Where(c => c.Outcome == ScenarioOutcome.Failed).Select(c => new
        {
            id = c.Id,
            profile = p.Tag,
            failingStep = c.FailingStep,
            reason = c.Reasons.Count > 0 ? c.Reasons[0] : null,
        })),
        performance = new
        {
            ocppResponseTimeoutSeconds = ResponseTimeoutsSeconds,
            transactionAuthorizationTimeByRemoteStartTransaction = Json(RemoteStart),
            transactionAuthorizationEndTimeByRemoteStopTransaction = Json(RemoteStop),
            triggeredFunctionTime = Json(Triggered),
            communicationTechnology = CommunicationTechnology,
            actions = Timings.Select((t, i) => new { action = t.Action, count = t.Count, callErrors = CallErrors[i], p50Ms = t.P50Ms, p95Ms = t.P95Ms, maxMs = t.MaxMs }),
        },
    };

    private static string Describe(FollowUpStatistics? f) =>
        f is null
            ? "not measured"
            : string.Create(CultureInfo.InvariantCulture, $"p50 {f.Timing.P50Ms:0.0} ms, p95 {f.Timing.P95Ms:0.0} ms, max {f.Timing.MaxMs:0.0} ms ({f.Timing.Count} × {f.Trigger}.req → {f.Results}.req; at most {f.MaxVirtualSeconds:0.###} s on the charge point's clock)");

    private static object? Json(FollowUpStatistics? f) =>
        f is null ? null : new { results = f.Results, count = f.Timing.Count, p50Ms = f.Timing.P50Ms, p95Ms = f.Timing.P95Ms, maxMs = f.Timing.MaxMs, maxVirtualSeconds = f.MaxVirtualSeconds };
}

/// <summary>The times from one kind of request to the message(s) it caused.</summary>
/// <param name="Results">The caused actions seen, comma-separated.</param>
/// <param name="MaxVirtualSeconds">The longest wait on the charge point's virtual clock (timers, retries).</param>
public sealed record FollowUpStatistics(string Trigger, string Results, ActionTiming Timing, double MaxVirtualSeconds);
