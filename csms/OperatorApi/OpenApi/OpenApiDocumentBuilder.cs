using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using OcppLab.Csms.Security;

namespace OcppLab.Csms.OperatorApi.OpenApi;

/// <summary>
/// Writes an OpenAPI 3.1 document of the operator API from the endpoints themselves (ApiExplorer's
/// descriptions, their summary/description/tags metadata) with JSON schemas from the same serializer
/// options the API uses, so the document cannot drift from the code. Every operation gets an
/// operationId, the X-Api-Key scheme, and its problem responses. Built once, on first request.
/// </summary>
public sealed class OpenApiDocumentBuilder(IApiDescriptionGroupCollectionProvider descriptions, IOptions<JsonOptions> json)
{
    private const string ApiKeyScheme = "ApiKey";
    private const string ProblemSchema = "Problem";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The problem responses an operation may document, by status: component name and what it means.</summary>
    private static readonly Dictionary<int, (string Name, string Description)> ProblemResponses = new()
    {
        [400] = ("BadRequest", "A parameter or the body is not valid (types bad-parameter, bad-value, schema-violation, bad-body, bad-request)."),
        [401] = ("Unauthorized", "The X-Api-Key header is missing or wrong (type api-key); asked on non-loopback addresses only."),
        [403] = ("Forbidden", "No operator API key is configured and the request came from another machine (type api-key)."),
        [404] = ("NotFound", "The station, id tag, transaction or file does not exist, or the station never connected (types not-found, not-connected, no-route)."),
        [409] = ("Conflict", "The station is known but not connected now (type not-connected)."),
        [413] = ("TooLarge", "The body is larger than the endpoint reads (type too-large)."),
        [415] = ("UnsupportedMediaType", "The body is not application/json (type unsupported-media-type)."),
        [500] = ("InternalError", "The Central System failed; its log has the details (type internal)."),
        [502] = ("BadGateway", "The station answered with a CALLERROR or with a payload that breaks its 1.6 schema (types call-error, invalid-response)."),
        [503] = ("Disconnected", "The station disconnected before it answered (type disconnected)."),
        [504] = ("Timeout", "The station did not answer within CallTimeoutSeconds (types timeout, no-transaction)."),
    };

    private readonly Lazy<string> text = new(() => Build(descriptions, json.Value.SerializerOptions).ToJsonString(Indented));

    /// <summary>The document as JSON text.</summary>
    public string Json => text.Value;

    private static JsonObject Build(IApiDescriptionGroupCollectionProvider descriptions, JsonSerializerOptions apiOptions)
    {
        var options = new JsonSerializerOptions(apiOptions) { TypeInfoResolver = apiOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        var schemas = new SchemaSource(options);
        var responses = new JsonObject();
        var operationIds = new HashSet<string>(StringComparer.Ordinal);
        var tags = new SortedSet<string>(StringComparer.Ordinal);
        var paths = new JsonObject();
        foreach (var description in descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
                     .Where(d => d.RelativePath is not null && d.HttpMethod is not null)
                     .OrderBy(d => d.RelativePath, StringComparer.Ordinal))
        {
            var path = "/" + StripConstraints(description.RelativePath!).TrimEnd('/');
            if (paths[path] is not JsonObject item)
            {
                item = [];
                paths[path] = item;
            }

            var method = description.HttpMethod!.ToLowerInvariant();
            item[method] = Operation(description, path, method, schemas, responses, operationIds, tags);
        }

        schemas.Components[ProblemSchema] = Problem();
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "OcppLab operator API",
                ["version"] = typeof(OpenApiDocumentBuilder).Assembly.GetName().Version?.ToString() ?? "1",
                ["description"] = "Drive and read the OcppLab Central System: every Central-System-initiated OCPP 1.6 operation, read models, and the live frame stream. Every error is an RFC 9457 problem document (application/problem+json) whose type names its kind.",

                // The repository grants no license yet; the document says so (as its package.json files do, in
                // SPDX's LicenseRef form) rather than invent one.
                ["license"] = new JsonObject { ["name"] = "UNLICENSED", ["identifier"] = "LicenseRef-UNLICENSED" },
            },
            // Relative to where the document is served: whichever address the operator reached it at
            // (127.0.0.1:8180, a container's name, a proxy's path) is the API's address too.
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "The Central System serving this document" }),
            ["security"] = new JsonArray(new JsonObject { [ApiKeyScheme] = new JsonArray() }, new JsonObject()),
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["name"] = t, ["description"] = t })]),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    [ApiKeyScheme] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = OperatorApiKey.Header,
                        ["description"] = "Csms:Security:OperatorApiKey; required on any address but loopback (on loopback the API answers without it).",
                    },
                },
                ["responses"] = responses,
                ["schemas"] = schemas.Components,
            },
        };
    }

    private static JsonObject Operation(
        ApiDescription description, string path, string method, SchemaSource schemas, JsonObject responseComponents, HashSet<string> operationIds, SortedSet<string> tagNames)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var operation = new JsonObject { ["operationId"] = OperationId(metadata, path, method, operationIds) };
        if (metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().ToList() is { Count: > 0 } tags)
        {
            operation["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
            tagNames.UnionWith(tags);
        }

        if (metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary is { } summary)
        {
            operation["summary"] = summary;
        }

        if (metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description is { } text)
        {
            operation["description"] = text;
        }

        var parameters = new JsonArray();
        var hasBody = false;
        foreach (var parameter in description.ParameterDescriptions)
        {
            var location = parameter.Source == BindingSource.Path ? "path"
                : parameter.Source == BindingSource.Query ? "query"
                : parameter.Source == BindingSource.Header ? "header"
                : null;
            if (location is not null)
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = parameter.Name,
                    ["in"] = location,
                    ["required"] = location == "path" || parameter.IsRequired,
                    ["schema"] = schemas.For(Nullable.GetUnderlyingType(parameter.Type ?? typeof(string)) ?? parameter.Type ?? typeof(string)),
                });
            }
            else if (parameter.Source == BindingSource.Body && parameter.Type is { } bodyType)
            {
                hasBody = true;
                var content = new JsonObject();
                foreach (var format in description.SupportedRequestFormats.Select(f => f.MediaType).DefaultIfEmpty("application/json").Distinct())
                {
                    content[format] = new JsonObject { ["schema"] = schemas.For(bodyType) };
                }

                operation["requestBody"] = new JsonObject { ["required"] = parameter.IsRequired, ["content"] = content };
            }
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var responses = new JsonObject();
        foreach (var response in description.SupportedResponseTypes.Where(r => r.StatusCode < 400).OrderBy(r => r.StatusCode))
        {
            var entry = new JsonObject { ["description"] = "Success" };
            if (response.Type is { } type && type != typeof(void))
            {
                var content = new JsonObject();
                foreach (var format in response.ApiResponseFormats.Select(f => f.MediaType).DefaultIfEmpty("application/json").Distinct())
                {
                    content[format] = new JsonObject { ["schema"] = schemas.For(type) };
                }

                entry["content"] = content;
            }

            responses[response.StatusCode.ToString(CultureInfo.InvariantCulture)] = entry;
        }

        if (responses.Count == 0)
        {
            responses["200"] = new JsonObject { ["description"] = "Success" };
        }

        foreach (var status in ProblemStatuses(path, hasBody, metadata.OfType<StationCallMetadata>().Any()))
        {
            var (name, meaning) = ProblemResponses[status];
            responseComponents[name] ??= new JsonObject
            {
                ["description"] = meaning,
                ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Reference(ProblemSchema) } },
            };
            responses[status.ToString(CultureInfo.InvariantCulture)] = new JsonObject { ["$ref"] = $"#/components/responses/{name}" };
        }

        operation["responses"] = responses;
        if (!path.StartsWith("/api", StringComparison.Ordinal))
        {
            // Only /api asks for the key; the file endpoints serve stations, which have none.
            operation["security"] = new JsonArray(new JsonObject());
        }

        return operation;
    }

    private static IEnumerable<int> ProblemStatuses(string path, bool hasBody, bool callsStation)
    {
        yield return 400;
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            yield return 401;
            yield return 403;
        }

        yield return 404;
        if (callsStation)
        {
            yield return 409;
        }

        if (hasBody)
        {
            yield return 413;
            yield return 415;
        }

        yield return 500;
        if (callsStation)
        {
            yield return 502;
            yield return 503;
            yield return 504;
        }
    }

    /// <summary>The endpoint's name when it has one, else method and path in camelCase (<c>postChargePointsResetById</c>), unique in the document.</summary>
    private static string OperationId(IList<object> metadata, string path, string method, HashSet<string> taken)
    {
        var id = metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (id is null)
        {
            var words = new StringBuilder(method);
            var parameters = new List<string>();
            foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "api"))
            {
                if (segment.StartsWith('{'))
                {
                    parameters.Add(Pascal(segment.Trim('{', '}')));
                }
                else
                {
                    words.Append(Pascal(segment));
                }
            }

            if (parameters.Count > 0)
            {
                words.Append("By").AppendJoin("And", parameters);
            }

            id = words.ToString();
        }

        var unique = id;
        for (var n = 2; !taken.Add(unique); n++)
        {
            unique = id + n.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static string Pascal(string words) =>
        string.Concat(words.Split('-', '_', '.').Where(w => w.Length > 0).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static JsonObject Problem() => new()
    {
        ["type"] = "object",
        ["description"] = "An RFC 9457 problem document. Its type is urn:ocpplab:problem:{kind}; the README lists the kinds. Some kinds add members (field, member, parameter, rule, errorCode, errorDescription, limit).",
        ["properties"] = new JsonObject
        {
            ["type"] = new JsonObject { ["type"] = "string", ["description"] = "urn:ocpplab:problem:{kind}" },
            ["title"] = new JsonObject { ["type"] = "string" },
            ["status"] = new JsonObject { ["type"] = "integer" },
            ["detail"] = new JsonObject { ["type"] = "string" },
            ["instance"] = new JsonObject { ["type"] = "string" },
            ["traceId"] = new JsonObject { ["type"] = "string" },
        },
        ["required"] = new JsonArray("type", "title", "status"),
    };

    private static JsonObject Reference(string schema) => new() { ["$ref"] = $"#/components/schemas/{schema}" };

    private static string StripConstraints(string path)
    {
        var builder = new StringBuilder(path.Length);
        var inConstraint = false;
        var inParameter = false;
        foreach (var c in path)
        {
            if (c == '{')
            {
                inParameter = true;
            }
            else if (c == ':' && inParameter)
            {
                inConstraint = true;
                continue;
            }
            else if (c == '}')
            {
                inParameter = false;
                inConstraint = false;
            }

            if (!inConstraint)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>JSON schemas per CLR type, kept once under components and referenced by name.</summary>
    private sealed class SchemaSource(JsonSerializerOptions options)
    {
        public JsonObject Components { get; } = [];

        public JsonNode For(Type type)
        {
            if (type == typeof(Stream))
            {
                return new JsonObject { ["type"] = "string", ["format"] = "binary" };
            }

            if (type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type))
            {
                // calls/{action}: any OCPP payload, checked against the action's own 1.6 schema when it arrives.
                return new JsonObject { ["type"] = "object", ["description"] = "An OCPP 1.6 payload, as the action's schema defines it." };
            }

            if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum || type == typeof(DateTimeOffset))
            {
                return Export(type);
            }

            var name = Name(type);
            if (!Components.ContainsKey(name))
            {
                Components[name] = Export(type);
            }

            return Reference(name);
        }

        private JsonNode Export(Type type)
        {
            var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = OptionalWhenNullable });
            return Inline(schema, schema, 0);
        }

        /// <summary>
        /// The exporter lists every constructor parameter as required; the API binds without
        /// RespectRequiredConstructorParameters, so a nullable one (<c>int? Retries</c>) may be left out, and the
        /// document says so.
        /// </summary>
        private static JsonNode OptionalWhenNullable(JsonSchemaExporterContext context, JsonNode schema)
        {
            if (context.PropertyInfo is not null || context.TypeInfo.Kind != JsonTypeInfoKind.Object || schema is not JsonObject obj || obj["required"] is not JsonArray required)
            {
                return schema;
            }

            var nullability = new NullabilityInfoContext();
            var optional = context.TypeInfo.Properties
                .Where(p => !p.IsRequired && p.AssociatedParameter?.AttributeProvider is ParameterInfo parameter && nullability.Create(parameter).WriteState == NullabilityState.Nullable)
                .Select(p => p.Name)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var name in required.Where(n => optional.Contains(n!.GetValue<string>())).ToList())
            {
                required.Remove(name);
            }

            if (required.Count == 0)
            {
                obj.Remove("required");
            }

            return schema;
        }

        /// <summary>
        /// The exporter writes a type met twice as a <c>$ref</c> relative to its own root
        /// (<c>#/properties/updates/items</c>); under components that pointer means nothing, so the
        /// referenced schema is copied in its place.
        /// </summary>
        private static JsonNode Inline(JsonNode node, JsonNode root, int depth)
        {
            switch (node)
            {
                case JsonObject obj when obj["$ref"]?.GetValue<string>() is { } pointer && pointer.StartsWith('#') && !pointer.StartsWith("#/components/", StringComparison.Ordinal):
                    if (depth > 16 || Resolve(root, pointer) is not { } target)
                    {
                        throw new InvalidOperationException($"The schema reference {pointer} cannot be inlined.");
                    }

                    return Inline(target.DeepClone(), root, depth + 1);
                case JsonObject obj:
                    foreach (var (key, value) in obj.ToList())
                    {
                        if (value is not null)
                        {
                            obj[key] = Inline(value.DeepClone(), root, depth);
                        }
                    }

                    return obj;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is { } item)
                        {
                            array[i] = Inline(item.DeepClone(), root, depth);
                        }
                    }

                    return array;
                default:
                    return node;
            }
        }

        private static JsonNode? Resolve(JsonNode root, string pointer)
        {
            var node = root;
            foreach (var token in pointer.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
                node = node switch
                {
                    JsonObject obj => obj[name],
                    JsonArray array when int.TryParse(name, CultureInfo.InvariantCulture, out var index) => array[index],
                    _ => null,
                };
                if (node is null)
                {
                    return null;
                }
            }

            return node;
        }

        private static string Name(Type type) =>
            type.IsGenericType
                ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Concat(type.GetGenericArguments().Select(Name))}"
                : type.GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName ?? type.Name;
    }
}
