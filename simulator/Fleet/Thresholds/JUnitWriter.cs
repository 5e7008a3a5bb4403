using System.Globalization;
using System.Xml.Linq;

namespace OcppLab.Simulator.Fleet.Thresholds;

/// <summary>Writes the thresholds' verdicts as JUnit XML, one test case per threshold, which every CI system reads.</summary>
public static class JUnitWriter
{
    /// <summary>The XML document.</summary>
    public static XDocument Document(IReadOnlyList<ThresholdVerdict> verdicts, double durationSeconds, DateTimeOffset startedAt)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        var failures = verdicts.Count(v => !v.Passed).ToString(CultureInfo.InvariantCulture);
        var tests = verdicts.Count.ToString(CultureInfo.InvariantCulture);
        var suite = new XElement(
            "testsuite",
            new XAttribute("name", "fleet thresholds"),
            new XAttribute("tests", tests),
            new XAttribute("failures", failures),
            new XAttribute("errors", "0"),
            new XAttribute("time", durationSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            new XAttribute("timestamp", startedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            verdicts.Select(v => new XElement(
                "testcase",
                new XAttribute("classname", "fleet.thresholds"),
                new XAttribute("name", v.Threshold),
                new XAttribute("time", "0"),
                new XElement("system-out", $"observed: {v.Shown}"),
                v.Passed ? null : new XElement("failure", new XAttribute("type", "threshold"), new XAttribute("message", $"{v.Threshold} failed: observed {v.Shown}")))));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", new XAttribute("name", "fleet"), new XAttribute("tests", tests), new XAttribute("failures", failures), suite));
    }

    /// <summary>Writes the document to <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, IReadOnlyList<ThresholdVerdict> verdicts, double durationSeconds, DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var file = File.Create(path);
        await Document(verdicts, durationSeconds, startedAt).SaveAsync(file, SaveOptions.None, cancellationToken);
    }
}
