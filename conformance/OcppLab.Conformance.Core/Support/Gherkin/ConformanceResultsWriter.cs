using System.Text.Encodings.Web;
using System.Text.Json;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// A plain summary of the run (counts and one entry per scenario). The certificate-style report reads
/// the same results; this file is the machine-readable trace of them.
/// </summary>
public static class ConformanceResultsWriter
{
    public static void Write(IReadOnlyList<ScenarioResult> results, string path)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = true,
            // A file for people and tools, never embedded in HTML: keep quotes and '>' of frame logs readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        json.WriteStartObject();
        json.WriteString("generatedAt", DateTimeOffset.UtcNow);
        json.WriteNumber("total", results.Count);
        foreach (var outcome in Enum.GetValues<ScenarioOutcome>())
        {
            json.WriteNumber(JsonNamingPolicy.CamelCase.ConvertName(outcome.ToString()), results.Count(r => r.Outcome == outcome));
        }

        json.WriteStartArray("scenarios");
        foreach (var result in results)
        {
            json.WriteStartObject();
            json.WriteString("id", result.TestCaseId);
            json.WriteString("name", result.Name);
            json.WriteString("title", result.Title);
            json.WriteString("feature", result.FeatureFile);
            json.WriteStartArray("tags");
            foreach (var tag in result.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteString("outcome", result.Outcome.ToString());
            json.WriteString("startedAt", result.StartedAt);
            json.WriteNumber("durationMs", Math.Round(result.Duration.TotalMilliseconds, 3));
            if (result.FailureMessage is not null)
            {
                json.WriteString("message", result.FailureMessage);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
