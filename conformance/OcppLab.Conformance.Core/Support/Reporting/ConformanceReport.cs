using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Conformance.Support.Lab;

namespace OcppLab.Conformance.Support.Reporting;

/// <summary>
/// The run summarised like the abstract of an OCA certificate: a verdict per feature profile, the failing
/// cases, and the performance measurements of the PICS (octt16-csms.md §4) with the response time per
/// CP → CS action, "Response time Authorize" and "OCPP response timeout" called out. The charge-point
/// cases (features/charge-point) get their own section (<see cref="ChargePointSection"/>).
/// </summary>
public sealed class ConformanceReport
{
    public const string MarkdownFileName = "conformance-report.md";
    public const string JsonFileName = "conformance-report.json";
    public const string HtmlFileName = "conformance-report.html";
    public const string JUnitFileName = "conformance-junit.xml";

    /// <summary>Settings whose value the report does not show.</summary>
    private static readonly HashSet<string> Secrets = new(StringComparer.Ordinal)
    {
        nameof(LabSettings.BasicAuthPassword), nameof(LabSettings.NewBasicAuthPassword), nameof(LabSettings.ClientCertificatePassword),
    };

    /// <summary>The profiles in the order a certificate lists them, with their display names.</summary>
    public static readonly IReadOnlyList<(string Tag, string Name)> Profiles =
    [
        ("Core", "Core"),
        ("FirmwareManagement", "Firmware Management"),
        ("SmartCharging", "Smart Charging"),
        ("Reservation", "Reservation"),
        ("LocalAuthListManagement", "Local Auth List Management"),
        ("RemoteTrigger", "Remote Trigger"),
        ("Security", "Security"),
    ];

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ConformanceReport(string target, DateTimeOffset generatedAt, IReadOnlyList<ProfileVerdict> profiles, IReadOnlyList<ActionTiming> timings, double callTimeoutSeconds, ChargePointSection? chargePoint)
    {
        Results = [];
        Settings = [];
        Target = target;
        GeneratedAt = generatedAt;
        ProfileVerdicts = profiles;
        Timings = timings;
        CallTimeoutSeconds = callTimeoutSeconds;
        ChargePoint = chargePoint;
    }

    public string Target { get; }

    public DateTimeOffset GeneratedAt { get; }

    public IReadOnlyList<ProfileVerdict> ProfileVerdicts { get; }

    public IReadOnlyList<ActionTiming> Timings { get; }

    public double CallTimeoutSeconds { get; }

    public ActionTiming? Authorize => Timings.FirstOrDefault(t => t.Action == "Authorize");

    /// <summary>The charge-point cases; null when none ran.</summary>
    public ChargePointSection? ChargePoint { get; }

    /// <summary>Every scenario of the Central System section, in the order it ran.</summary>
    public IReadOnlyList<ScenarioResult> Results { get; private init; }

    /// <summary>Every scenario of the run, both ends, for the JUnit XML.</summary>
    public IReadOnlyList<ScenarioResult> AllResults { get; private init; } = [];

    /// <summary>The settings the run used: name, value (secrets hidden), where it came from.</summary>
    public IReadOnlyList<(string Name, string Value, string Source)> Settings { get; private init; }

    /// <summary>Everything that passed with a warning: case and warning.</summary>
    public IReadOnlyList<(string Case, string Warning)> Warnings =>
        [.. Results.SelectMany(r => (r.Warnings ?? []).Select(w => (r.Name, w)))];

    /// <summary>How many scenarios ran, and how each ended; the four counts always add up to <see cref="ScenarioOutcome"/> total.</summary>
    public (int Total, int Passed, int Failed, int NotRun, int NotApplicable) Totals =>
        (Results.Count,
         Results.Count(r => r.Outcome == ScenarioOutcome.Passed),
         Results.Count(r => r.Outcome == ScenarioOutcome.Failed),
         Results.Count(r => r.Outcome == ScenarioOutcome.Inconclusive),
         Results.Count(r => r.Outcome == ScenarioOutcome.Ignored));

    /// <summary>Whether any case under features/csms ran; a run of only charge-point cases leaves that section out.</summary>
    public bool CentralSystemRan => ProfileVerdicts.Any(p => p.Cases.Count > 0);

    /// <summary>
    /// Builds the report from the scenarios under features/csms and the run's measurements, and the
    /// charge-point section from the scenarios under features/charge-point and <paramref name="chargePointTimings"/>.
    /// </summary>
    public static ConformanceReport Build(IReadOnlyList<ScenarioResult> results, Measurements measurements, LabSettings settings, string target, ChargePointTimings? chargePointTimings = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(settings);
        var profiles = VerdictsByProfile(results, CentralSystemRoot, FirstLine, settings.Declares);

        var timings = measurements.All
            .GroupBy(m => m.Action)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ActionTiming.From(g.Key, [.. g.Select(m => m.RoundTrip.TotalMilliseconds)]))
            .ToList();
        var chargePoint = ChargePointSection.Build(results, chargePointTimings ?? new ChargePointTimings());
        return new ConformanceReport(target, DateTimeOffset.UtcNow, profiles, timings, settings.CallTimeoutSeconds, chargePoint)
        {
            AllResults = results,
            Results = [.. results.Where(r => r.FeatureFile.StartsWith(CentralSystemRoot, StringComparison.Ordinal))],
            Settings = [.. settings.Describe().Select(d => (
                d.Name,
                Secrets.Contains(d.Name) ? (d.Value.Length > 0 ? "(set, not shown)" : "(empty)") : d.Value,
                settings.Sources.GetValueOrDefault(d.Name) ?? "default"))],
        };
    }

    public const string CentralSystemRoot = "features/csms/";

    /// <summary>A verdict per profile of the scenarios under <paramref name="root"/>; <paramref name="reason"/> shortens a failure message.</summary>
    internal static List<ProfileVerdict> VerdictsByProfile(IReadOnlyList<ScenarioResult> results, string root, Func<string?, string> reason, Func<string, bool>? declared = null)
    {
        var scoped = results.Where(r => r.FeatureFile.StartsWith(root, StringComparison.Ordinal)).ToList();
        return [.. Profiles.Select(p =>
        {
            var cases = scoped.Where(r => ProfileOf(r) == p.Tag)
                .GroupBy(r => r.TestCaseId ?? r.Name)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g =>
                {
                    var open = g.Where(r => r.Outcome != ScenarioOutcome.Passed).ToList();
                    return new CaseVerdict(g.Key, g.First().FeatureTitle(), Worst(g.Select(r => r.Outcome)), [.. open.Select(r => reason(r.FailureMessage))])
                    {
                        FailingStep = open.Select(FailingStepOf).FirstOrDefault(s => s is not null),
                    };
                })
                .ToList();
            var isDeclared = declared?.Invoke(p.Tag) ?? true;
            return new ProfileVerdict(p.Tag, p.Name, Verdict(cases, isDeclared), cases) { Declared = isDeclared };
        })];
    }

    /// <summary>The step that failed, as written with its line; null when a hook failed or the case was not run.</summary>
    private static string? FailingStepOf(ScenarioResult result) =>
        result.Steps.FirstOrDefault(s => s.Status is StepStatus.Failed or StepStatus.Undefined or StepStatus.Ambiguous) is { } step
            ? string.Create(CultureInfo.InvariantCulture, $"{step.Keyword} {step.Text} (line {step.Line})")
            : null;

    /// <summary>Writes the Markdown, JSON, HTML and JUnit XML forms into <paramref name="folder"/>; returns the Markdown's path.</summary>
    public string Write(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, MarkdownFileName), ToMarkdown());
        File.WriteAllText(Path.Combine(folder, JsonFileName), ToJson());
        File.WriteAllText(Path.Combine(folder, HtmlFileName), HtmlReport.Render(this));
        JUnitReport.Write(AllResults, Path.Combine(folder, JUnitFileName));
        return Path.Combine(folder, MarkdownFileName);
    }

    /// <summary>One line per profile, as the run prints it: "Core: PASS (34 of 34 applicable cases run)".</summary>
    public IEnumerable<string> Summary() =>
        ProfileVerdicts.Select(p => p.Declared
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Name}: {p.Result} ({p.Run} of {p.Applicable} applicable cases run, {p.Passed} passed, {p.Failed} failed)")
            : $"{p.Name}: {p.Result}");

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        if (CentralSystemRan || ChargePoint is null)
        {
            AppendCentralSystem(md);
        }

        if (ChargePoint is not null)
        {
            if (md.Length > 0)
            {
                md.AppendLine();
            }

            ChargePoint.AppendMarkdown(md);
        }

        return md.ToString();
    }

    private void AppendCentralSystem(StringBuilder md)
    {
        var invariant = CultureInfo.InvariantCulture;
        md.AppendLine("# OCPP 1.6-J conformance report (Central System)");
        md.AppendLine();
        md.AppendLine(invariant, $"- System under test: {Target}");
        md.AppendLine(invariant, $"- Test cases: OCTT 1.6 test case document, Central System section (revision 2025-11)");
        md.AppendLine(invariant, $"- Generated: {GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC");
        md.AppendLine();
        md.AppendLine("## Feature profiles");
        md.AppendLine();
        md.AppendLine("A profile is PASS only when every case that applies ran and passed; FAIL when a case failed; INCOMPLETE when");
        md.AppendLine("some applicable case did not run; NOT TESTED when none did. A profile the target does not declare is NOT DECLARED.");
        md.AppendLine();
        ConformanceReport.WriteProfileTable(md, ProfileVerdicts);
        var totals = Totals;
        md.AppendLine();
        md.AppendLine(invariant, $"Scenarios (Examples rows count one each): {totals.Total} = {totals.Passed} passed + {totals.Failed} failed + {totals.NotRun} not run + {totals.NotApplicable} not applicable.");

        md.AppendLine();
        md.AppendLine("## Warnings");
        md.AppendLine();
        if (Warnings.Count == 0)
        {
            md.AppendLine("None.");
        }
        else
        {
            foreach (var (name, warning) in Warnings)
            {
                md.AppendLine(invariant, $"- {name}: {warning}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Failing and not-run test cases");
        md.AppendLine();
        var open = ProfileVerdicts.SelectMany(p => p.Cases.Where(c => c.Outcome != ScenarioOutcome.Passed).Select(c => (p, c))).ToList();
        if (open.Count == 0)
        {
            md.AppendLine("None.");
        }
        else
        {
            md.AppendLine("| Test case | Profile | Outcome | Reason |");
            md.AppendLine("|---|---|---|---|");
            foreach (var (p, c) in open)
            {
                md.AppendLine(invariant, $"| {c.Id} {c.Title} | {p.Name} | {c.Outcome} | {Escape((c.Reasons.Count > 0 ? c.Reasons[0] : ""))} |");
            }
        }

        AppendFrameLogs(md);
        md.AppendLine();
        md.AppendLine("## Settings used");
        md.AppendLine();
        md.AppendLine("| Setting | Environment variable | Value | From |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (name, value, source) in Settings)
        {
            md.AppendLine(invariant, $"| {name} | {LabSettings.EnvironmentName(name)} | {Escape(value)} | {Escape(source)} |");
        }

        md.AppendLine();
        md.AppendLine("## Performance measurements");
        md.AppendLine();
        md.AppendLine("| Parameter | Value |");
        md.AppendLine("|---|---|");
        md.AppendLine(invariant, $"| Response time Authorize | {(Authorize is { } a ? $"p50 {a.P50Ms:0.0} ms, p95 {a.P95Ms:0.0} ms, max {a.MaxMs:0.0} ms ({a.Count} requests)" : "not measured")} |");
        md.AppendLine(invariant, $"| OCPP response timeout | {CallTimeoutSeconds:0.###} s (the lab's wait for each answer) |");
        md.AppendLine();
        md.AppendLine("Response time per CP → CS action (request sent to response received, at the lab):");
        md.AppendLine();
        md.AppendLine("| Action | Count | p50 (ms) | p95 (ms) | Max (ms) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var t in Timings)
        {
            md.AppendLine(invariant, $"| {t.Action} | {t.Count} | {t.P50Ms:0.0} | {t.P95Ms:0.0} | {t.MaxMs:0.0} |");
        }
    }

    /// <summary>The full message, frame log included, of every failing scenario.</summary>
    private void AppendFrameLogs(StringBuilder md)
    {
        var failed = Results.Where(r => r.Outcome == ScenarioOutcome.Failed).ToList();
        if (failed.Count == 0)
        {
            return;
        }

        md.AppendLine();
        md.AppendLine("## Frame logs of the failing scenarios");
        foreach (var result in failed)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"### {result.Name}");
            md.AppendLine();
            md.AppendLine("```text");
            md.AppendLine(result.FailureMessage?.Replace("```", "'''", StringComparison.Ordinal));
            md.AppendLine("```");
        }
    }

    public string ToJson()
    {
        var totals = Totals;
        var document = new
        {
            target = Target,
            generatedAt = GeneratedAt,
            totals = new { scenarios = totals.Total, passed = totals.Passed, failed = totals.Failed, notRun = totals.NotRun, notApplicable = totals.NotApplicable },
            profiles = ProfileVerdicts.Select(p => new
            {
                profile = p.Tag,
                name = p.Name,
                declared = p.Declared,
                result = p.Result,
                applicable = p.Applicable,
                run = p.Run,
                passed = p.Passed,
                failed = p.Failed,
                notRun = p.NotRun,
                notApplicable = p.NotApplicable,
                cases = p.Cases.Select(c => new { id = c.Id, title = c.Title, outcome = c.Outcome.ToString(), failingStep = c.FailingStep, reasons = c.Reasons }),
            }),
            warnings = Warnings.Select(w => new { @case = w.Case, warning = w.Warning }),
            scenarios = Results.Select(r => new
            {
                name = r.Name,
                id = r.TestCaseId,
                outcome = r.Outcome.ToString(),
                message = r.FailureMessage,
                warnings = r.Warnings ?? [],
            }),
            settings = Settings.Select(x => new { name = x.Name, variable = LabSettings.EnvironmentName(x.Name), value = x.Value, from = x.Source }),
            failingCases = ProfileVerdicts.SelectMany(p => p.Cases.Where(c => c.Outcome == ScenarioOutcome.Failed).Select(c => c.Id)),
            performance = new
            {
                responseTimeAuthorize = Authorize is { } a ? new { p50Ms = a.P50Ms, p95Ms = a.P95Ms, maxMs = a.MaxMs, count = a.Count } : null,
                ocppResponseTimeoutSeconds = CallTimeoutSeconds,
                actions = Timings.Select(t => new { action = t.Action, count = t.Count, p50Ms = t.P50Ms, p95Ms = t.P95Ms, maxMs = t.MaxMs }),
            },
            chargePoint = ChargePoint?.ToJsonObject(),
        };
        return JsonSerializer.Serialize(document, JsonOptions);
    }

    /// <summary>The profile is the folder under features/csms/ or features/charge-point/ (TC_080/081 are Security although they use firmware messages).</summary>
    public static string? ProfileOf(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var parts = result.FeatureFile.Split('/');
        return parts.Length > 3 ? parts[2] : null;
    }

    internal static ScenarioOutcome Worst(IEnumerable<ScenarioOutcome> outcomes)
    {
        var all = outcomes.ToList();
        return all.Contains(ScenarioOutcome.Failed) ? ScenarioOutcome.Failed
            : all.Contains(ScenarioOutcome.Inconclusive) ? ScenarioOutcome.Inconclusive
            : all.Contains(ScenarioOutcome.Ignored) ? ScenarioOutcome.Ignored
            : ScenarioOutcome.Passed;
    }

    /// <summary>
    /// PASS only when every applicable case ran and passed; a case that could not run keeps the profile open
    /// (INCOMPLETE, or NOT TESTED when none ran); a profile the target does not declare is NOT DECLARED.
    /// </summary>
    internal static string Verdict(IReadOnlyList<CaseVerdict> cases, bool declared = true) =>
        !declared ? "NOT DECLARED"
        : cases.Any(c => c.Outcome == ScenarioOutcome.Failed) ? "FAIL"
        : cases.Count == 0 ? "NOT TESTED"
        : cases.All(c => c.Outcome == ScenarioOutcome.Ignored) ? "NOT APPLICABLE"
        : cases.All(c => c.Outcome is ScenarioOutcome.Inconclusive or ScenarioOutcome.Ignored) ? "NOT TESTED"
        : cases.Any(c => c.Outcome == ScenarioOutcome.Inconclusive) ? "INCOMPLETE"
        : "PASS";

    private static string FirstLine(string? message)
    {
        var lines = (message ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The runner's first line names the failing step; the second says what the CSMS did.
        return lines.Length switch
        {
            0 => "",
            1 => lines[0],
            _ => $"{lines[0]} {lines[1]}",
        };
    }

    /// <summary>The verdict table per feature profile, shared by the Central System and charge point sections.</summary>
    internal static void WriteProfileTable(StringBuilder md, IEnumerable<ProfileVerdict> verdicts)
    {
        md.AppendLine("| Profile | Result | Run | Passed | Failed | Not run | Not applicable |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var p in verdicts)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {p.Name} | {p.Result} | {p.Run} of {p.Applicable} | {p.Passed} | {p.Failed} | {p.NotRun} | {p.NotApplicable} |");
        }
    }

    internal static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}

/// <summary>A profile's verdict and its case counts; a case counts once, by its worst scenario.</summary>
public sealed record ProfileVerdict(string Tag, string Name, string Result, IReadOnlyList<CaseVerdict> Cases)
{
    /// <summary>Whether the target declares the profile.</summary>
    public bool Declared { get; init; } = true;

    /// <summary>Cases that apply to the target (every case but the not applicable ones).</summary>
    public int Applicable => Cases.Count(c => c.Outcome != ScenarioOutcome.Ignored);

    /// <summary>Applicable cases that ran to a verdict (passed or failed).</summary>
    public int Run => Passed + Failed;

    public int Passed => Cases.Count(c => c.Outcome == ScenarioOutcome.Passed);

    public int Failed => Cases.Count(c => c.Outcome == ScenarioOutcome.Failed);

    /// <summary>Applicable cases that did not run to a verdict (Inconclusive: no operator contract, a station not clean, ...).</summary>
    public int NotRun => Cases.Count(c => c.Outcome == ScenarioOutcome.Inconclusive);

    public int NotApplicable => Cases.Count(c => c.Outcome == ScenarioOutcome.Ignored);
}

public sealed record CaseVerdict(string Id, string Title, ScenarioOutcome Outcome, IReadOnlyList<string> Reasons)
{
    /// <summary>The first failing step of the case's first open scenario, with its line in the feature file.</summary>
    public string? FailingStep { get; init; }
}

/// <summary>Response times of one action; percentiles by the nearest-rank method.</summary>
public sealed record ActionTiming(string Action, int Count, double P50Ms, double P95Ms, double MaxMs)
{
    public static ActionTiming From(string action, IReadOnlyList<double> milliseconds)
    {
        ArgumentNullException.ThrowIfNull(milliseconds);
        var sorted = milliseconds.Order().ToArray();
        return new ActionTiming(action, sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.95), sorted[^1]);
    }

    private static double Rank(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

internal static class ScenarioResultExtensions
{
    /// <summary>The case's title without its id: the feature title minus the leading "TC_xxx_CSMS ".</summary>
    public static string FeatureTitle(this ScenarioResult result) =>
        result.TestCaseId is { } id && result.Title.Length > 0 ? FeatureName(result, id) : result.Title;

    private static string FeatureName(ScenarioResult result, string id)
    {
        var file = Path.GetFileNameWithoutExtension(result.FeatureFile);
        var name = file.StartsWith(id + "_", StringComparison.Ordinal) ? file[(id.Length + 1)..] : file;
        // "OfAConnector" reads "Of A Connector" and "HTTPBasic" "HTTP Basic": a capital that starts a word splits too.
        return System.Text.RegularExpressions.Regex.Replace(name, "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", " ");
    }
}
