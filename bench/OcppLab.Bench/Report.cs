using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OcppLab.Bench;

/// <summary>The figures of one run, in the order they were added: one JSON line plus a readable summary.</summary>
internal sealed class Report
{
    private readonly List<(string Name, object Value)> figures = [];

    public void Add(string name, string value) => figures.Add((name, value));

    public void Add(string name, long value) => figures.Add((name, value));

    public void Add(string name, double value) => figures.Add((name, Math.Round(value, 3)));

    public void Add(string prefix, Percentiles p)
    {
        Add(prefix + "Count", p.Count);
        Add(prefix + "P50Ms", p.P50);
        Add(prefix + "P95Ms", p.P95);
        Add(prefix + "P99Ms", p.P99);
        Add(prefix + "P999Ms", p.P999);
        Add(prefix + "MaxMs", p.Max);
    }

    public string ToJsonLine()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in figures)
            {
                switch (value)
                {
                    case string s:
                        writer.WriteString(name, s);
                        break;
                    case long l:
                        writer.WriteNumber(name, l);
                        break;
                    case double d:
                        writer.WriteNumber(name, d);
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public string ToSummary()
    {
        var text = new StringBuilder();
        foreach (var (name, value) in figures)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {name,-28} {value switch { double d => d.ToString("0.###", CultureInfo.InvariantCulture), _ => Convert.ToString(value, CultureInfo.InvariantCulture) }}").AppendLine();
        }

        return text.ToString();
    }
}
