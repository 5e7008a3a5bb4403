using System.Globalization;
using System.Net;
using System.Text;

namespace OcppLab.Conformance.Support.Reporting;

/// <summary>
/// The Central System report as one self-contained HTML page (inline style, no scripts, no external files):
/// verdicts per profile, warnings, every case with its outcome, failing cases with their frame log folded.
/// </summary>
public static class HtmlReport
{
    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:2rem;max-width:80rem}table{border-collapse:collapse;margin:1rem 0}" +
        "th,td{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
        ".PASS,.Passed{color:#176b1f;font-weight:600}.FAIL,.Failed{color:#b00020;font-weight:600}" +
        ".INCOMPLETE,.NOT-TESTED,.Inconclusive{color:#8a5a00;font-weight:600}.NOT-DECLARED,.NOT-APPLICABLE,.Ignored{color:#666}" +
        "pre{white-space:pre-wrap;background:#fafafa;border:1px solid #eee;padding:.5rem;font-size:.85rem}";

    public static string Render(ConformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var invariant = CultureInfo.InvariantCulture;
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>OCPP 1.6-J conformance report</title>");
        html.AppendLine(invariant, $"<style>{Style}</style></head><body>");
        html.AppendLine("<h1>OCPP 1.6-J conformance report (Central System)</h1>");
        html.AppendLine(invariant, $"<p>System under test: {E(report.Target)}<br>Generated: {report.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC</p>");

        html.AppendLine("<h2>Feature profiles</h2><table><tr><th>Profile</th><th>Result</th><th>Run</th><th>Passed</th><th>Failed</th><th>Not run</th><th>Not applicable</th></tr>");
        foreach (var p in report.ProfileVerdicts)
        {
            html.AppendLine(invariant, $"<tr><td>{E(p.Name)}</td><td class=\"{p.Result.Replace(' ', '-')}\">{E(p.Result)}</td><td>{p.Run} of {p.Applicable}</td><td>{p.Passed}</td><td>{p.Failed}</td><td>{p.NotRun}</td><td>{p.NotApplicable}</td></tr>");
        }

        html.AppendLine("</table>");
        var totals = report.Totals;
        html.AppendLine(invariant, $"<p>Scenarios: {totals.Total} = {totals.Passed} passed + {totals.Failed} failed + {totals.NotRun} not run + {totals.NotApplicable} not applicable.</p>");

        html.AppendLine("<h2>Warnings</h2>");
        html.AppendLine(report.Warnings.Count == 0
            ? "<p>None.</p>"
            : "<ul>" + string.Concat(report.Warnings.Select(w => $"<li>{E(w.Case)}: {E(w.Warning)}</li>")) + "</ul>");

        html.AppendLine("<h2>Scenarios</h2><table><tr><th>Scenario</th><th>Outcome</th><th>Details</th></tr>");
        foreach (var result in report.Results)
        {
            var details = result.FailureMessage is null ? ""
                : result.Outcome == ScenarioOutcome.Failed
                    ? $"<details><summary>{E(FirstLine(result.FailureMessage))}</summary><pre>{E(result.FailureMessage)}</pre></details>"
                    : E(result.FailureMessage);
            html.AppendLine(invariant, $"<tr><td>{E(result.Name)}</td><td class=\"{result.Outcome}\">{Label(result.Outcome)}</td><td>{details}</td></tr>");
        }

        html.AppendLine("</table>");
        html.AppendLine("<h2>Settings used</h2><table><tr><th>Setting</th><th>Environment variable</th><th>Value</th><th>From</th></tr>");
        foreach (var (name, value, source) in report.Settings)
        {
            html.AppendLine(invariant, $"<tr><td>{E(name)}</td><td>{E(Lab.LabSettings.EnvironmentName(name))}</td><td>{E(value)}</td><td>{E(source)}</td></tr>");
        }

        html.AppendLine("</table></body></html>");
        return html.ToString();
    }

    /// <summary>The outcome in the report's words.</summary>
    public static string Label(ScenarioOutcome outcome) => outcome switch
    {
        ScenarioOutcome.Inconclusive => "Not run",
        ScenarioOutcome.Ignored => "Not applicable",
        _ => outcome.ToString(),
    };

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
