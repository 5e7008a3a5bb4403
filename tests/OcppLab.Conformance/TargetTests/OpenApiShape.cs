using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace OcppLab.Conformance.TargetTests;

/// <summary>
/// What an adapter built from an OpenAPI document depends on, operation by operation: the methods of a path,
/// its parameters, whether a body is required and which of its fields, its fields' names, and the response
/// codes. Two documents with the same shape generate clients that call each other without surprise.
/// </summary>
public static class OpenApiShape
{
    /// <summary>The document at <paramref name="path"/> (OpenAPI in YAML) as JSON; every scalar is a string.</summary>
    public static JsonObject LoadYaml(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            stream.Load(reader);
        }

        return (JsonObject)ToJson(stream.Documents[0].RootNode)!;
    }

    /// <summary>
    /// One line per fact of the operations at <paramref name="path"/>, sorted, so that two documents compare
    /// as sets of lines and a difference names the fact. A path parameter is named by its position, since the
    /// name in the template is each document's own (<c>{id}</c>, <c>{chargePointId}</c>).
    /// </summary>
    public static SortedSet<string> Of(JsonObject document, string path, Func<int, bool>? keepStatus = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var item = (JsonObject)document["paths"]![path]!;
        var pathParameters = path.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}')).ToList();
        var shared = Parameters(document, item["parameters"]);
        foreach (var (method, node) in item.Where(p => p.Key is "get" or "put" or "post" or "delete" or "patch"))
        {
            var operation = (JsonObject)node!;
            facts.Add($"{method}");
            foreach (var parameter in shared.Concat(Parameters(document, operation["parameters"])))
            {
                var name = parameter["name"]!.ToString();
                var location = parameter["in"]!.ToString();
                var position = location == "path" ? $"#{pathParameters.IndexOf(name).ToString(CultureInfo.InvariantCulture)}" : name;
                facts.Add($"{method} parameter {location} {position} required={Flag(parameter["required"])} type={Resolve(document, parameter["schema"])?["type"]}");
            }

            // An optional body without members is no body: either way the client may send nothing.
            if (Resolve(document, operation["requestBody"]) is JsonObject body && !IsNothing(document, body))
            {
                facts.Add($"{method} body required={Flag(body["required"])}");
                var schema = Resolve(document, body["content"]?["application/json"]?["schema"]);
                foreach (var field in (schema?["properties"] as JsonObject ?? []).Select(p => p.Key))
                {
                    facts.Add($"{method} body field {field}");
                }

                foreach (var field in schema?["required"] as JsonArray ?? [])
                {
                    facts.Add($"{method} body required field {field}");
                }
            }

            foreach (var status in (operation["responses"] as JsonObject ?? []).Select(r => int.Parse(r.Key, CultureInfo.InvariantCulture)))
            {
                if (keepStatus?.Invoke(status) ?? true)
                {
                    facts.Add($"{method} response {status.ToString(CultureInfo.InvariantCulture)}");
                }
            }
        }

        return facts;
    }

    private static bool IsNothing(JsonObject document, JsonObject body) =>
        Flag(body["required"]) == "false" && Resolve(document, body["content"]?["application/json"]?["schema"])?["properties"] is null or JsonObject { Count: 0 };

    private static IEnumerable<JsonObject> Parameters(JsonObject document, JsonNode? list) =>
        (list as JsonArray ?? []).Select(p => (JsonObject)Resolve(document, p)!);

    /// <summary>The node, or what its <c>$ref</c> (within the document) points at.</summary>
    private static JsonNode? Resolve(JsonObject document, JsonNode? node)
    {
        for (var depth = 0; node is JsonObject obj && obj["$ref"]?.ToString() is { } pointer && depth < 16; depth++)
        {
            node = pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate<string, JsonNode?>(document, (at, name) => at?[name]);
        }

        return node;
    }

    /// <summary>OpenAPI's default for a missing required flag is false; YAML and JSON spell true differently.</summary>
    private static string Flag(JsonNode? value) => value?.ToString().ToLowerInvariant() == "true" ? "true" : "false";

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
