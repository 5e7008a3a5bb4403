using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// Turns a YAML scenario into the JSON the scenario reader checks (one schema for both), and remembers the line of
/// every place (<c>stages[2].duration</c>) so that an error can name it. Plain scalars that read as numbers or
/// booleans become those; quoted scalars stay strings, as in YAML's core schema.
/// </summary>
internal static partial class YamlScenarioText
{
    /// <summary>The JSON of <paramref name="yaml"/> and the 1-based line of each place in it.</summary>
    public static (string Json, IReadOnlyDictionary<string, int> Lines) ToJson(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScenarioFileException($"line {e.Start.Line}, column {e.Start.Column}: not valid YAML: {(e.InnerException ?? e).Message}");
        }

        if (stream.Documents.Count != 1)
        {
            throw new ScenarioFileException($"a scenario file holds one YAML document, not {stream.Documents.Count}.");
        }

        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(stream.Documents[0].RootNode, json, string.Empty, lines);
        }

        return (Encoding.UTF8.GetString(buffer.ToArray()), lines);
    }

    private static void Write(YamlNode node, Utf8JsonWriter json, string path, Dictionary<string, int> lines)
    {
        lines[path] = (int)node.Start.Line;
        switch (node)
        {
            case YamlMappingNode map:
                json.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = key is YamlScalarNode { Value: { } text } ? text : throw new ScenarioFileException($"line {key.Start.Line}: a key must be a plain name.");
                    json.WritePropertyName(name);
                    Write(value, json, path.Length == 0 ? name : $"{path}.{name}", lines);
                }

                json.WriteEndObject();
                break;
            case YamlSequenceNode list:
                json.WriteStartArray();
                for (var i = 0; i < list.Children.Count; i++)
                {
                    Write(list.Children[i], json, $"{path}[{i}]", lines);
                }

                json.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(scalar, json);
                break;
            default:
                throw new ScenarioFileException($"line {node.Start.Line}: aliases are not supported in a scenario file.");
        }
    }

    private static void WriteScalar(YamlScalarNode scalar, Utf8JsonWriter json)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
        {
            json.WriteStringValue(text);
        }
        else if (text is "true" or "false")
        {
            json.WriteBooleanValue(text == "true");
        }
        else if (text is "" or "~" or "null")
        {
            json.WriteNullValue();
        }
        else if (NumberSyntax().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            json.WriteNumberValue(whole); // a whole number stays one, for targets and seeds
        }
        else if (NumberSyntax().IsMatch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            json.WriteNumberValue(number);
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    [GeneratedRegex(@"^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$")]
    private static partial Regex NumberSyntax();
}
