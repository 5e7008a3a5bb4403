using System.Globalization;
using System.Xml;

namespace OcppLab.Conformance.Support.Reporting;

/// <summary>
/// The run as JUnit XML for CI systems: one test suite per end and profile, one test case per scenario;
/// a failed scenario is a failure, one that did not run or does not apply is skipped with its reason.
/// </summary>
public static class JUnitReport
{
    public static void Write(IReadOnlyList<ScenarioResult> results, string path)
    {
        ArgumentNullException.ThrowIfNull(results);
        using var writer = XmlWriter.Create(path, new XmlWriterSettings { Indent = true });
        var invariant = CultureInfo.InvariantCulture;
        writer.WriteStartElement("testsuites");
        writer.WriteAttributeString("name", "OCPP 1.6-J conformance");
        Counts(writer, results);
        foreach (var suite in results.GroupBy(SuiteName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", suite.Key);
            Counts(writer, [.. suite]);
            foreach (var result in suite)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", suite.Key);
                writer.WriteAttributeString("name", result.Name);
                writer.WriteAttributeString("time", result.Duration.TotalSeconds.ToString("0.###", invariant));
                switch (result.Outcome)
                {
                    case ScenarioOutcome.Failed:
                        writer.WriteStartElement("failure");
                        writer.WriteAttributeString("message", (result.FailureMessage ?? "").Split('\n', 2)[0].Trim());
                        writer.WriteString(result.FailureMessage ?? "");
                        writer.WriteEndElement();
                        break;
                    case ScenarioOutcome.Inconclusive or ScenarioOutcome.Ignored:
                        writer.WriteStartElement("skipped");
                        writer.WriteAttributeString("message", $"{HtmlReport.Label(result.Outcome)}: {result.FailureMessage}");
                        writer.WriteEndElement();
                        break;
                }

                foreach (var warning in result.Warnings ?? [])
                {
                    writer.WriteElementString("system-out", "warning: " + warning);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static string SuiteName(ScenarioResult result) =>
        (result.FeatureFile.StartsWith(ConformanceReport.CentralSystemRoot, StringComparison.Ordinal) ? "csms." : "charge-point.") + (ConformanceReport.ProfileOf(result) ?? "other");

    private static void Counts(XmlWriter writer, IReadOnlyList<ScenarioResult> results)
    {
        var invariant = CultureInfo.InvariantCulture;
        writer.WriteAttributeString("tests", results.Count.ToString(invariant));
        writer.WriteAttributeString("failures", results.Count(r => r.Outcome == ScenarioOutcome.Failed).ToString(invariant));
        writer.WriteAttributeString("errors", "0");
        writer.WriteAttributeString("skipped", results.Count(r => r.Outcome is ScenarioOutcome.Inconclusive or ScenarioOutcome.Ignored).ToString(invariant));
    }
}
