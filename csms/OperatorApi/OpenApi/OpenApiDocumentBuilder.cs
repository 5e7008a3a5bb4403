using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;

namespace OcppLab.Csms.OperatorApi.OpenApi;

/// <summary>
/// Writes an OpenAPI 3.1 document of the operator API from the endpoints themselves (ApiExplorer's
/// descriptions, their summary/description/tags metadata) with JSON schemas from the same serializer
/// options the API uses, so the document cannot drift from the code. Built once, on first request.
/// </summary>
public sealed class OpenApiDocumentBuilder(IApiDescriptionGroupCollectionProvider descriptions, IOptions<JsonOptions> json)
{
    private readonly Lazy<string> document = new(() => Build(descriptions, json.Value.SerializerOptions));

    /// <summary>The document as JSON text.</summary>
    public string Json => document.Value;

    private static string Build(IApiDescriptionGroupCollectionProvider descriptions, JsonSerializerOptions apiOptions)
    {
        var options = new JsonSerializerOptions(apiOptions) { TypeInfoResolver = apiOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        var schemas = new SchemaSource(options);
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

            item[description.HttpMethod!.ToLowerInvariant()] = Operation(description, schemas);
        }

        var root = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "OcppLab operator API",
                ["version"] = typeof(OpenApiDocumentBuilder).Assembly.GetName().Version?.ToString() ?? "1",
                ["description"] = "Drive and read the OcppLab Central System: every Central-System-initiated OCPP 1.6 operation, read models, and the live frame stream.",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas.Components },
        };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Operation(ApiDescription description, SchemaSource schemas)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var operation = new JsonObject();
        if (metadata.OfType<ITagsMetadata>().SelectMany(t => t.Tags).Distinct().ToList() is { Count: > 0 } tags)
        {
            operation["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]);
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
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.For(bodyType) } },
                };
            }
        }

        if (parameters.Count > 0)
        {
            operation["parameters"] = parameters;
        }

        var responses = new JsonObject();
        foreach (var response in description.SupportedResponseTypes.OrderBy(r => r.StatusCode))
        {
            var entry = new JsonObject { ["description"] = response.StatusCode is >= 200 and < 300 ? "Success" : "Problem" };
            if (response.Type is { } type && type != typeof(void))
            {
                entry["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schemas.For(type) } };
            }

            responses[response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture)] = entry;
        }

        if (!responses.ContainsKey("200"))
        {
            responses["200"] = new JsonObject { ["description"] = "Success" };
        }

        responses["default"] = new JsonObject
        {
            ["description"] = "An RFC 9457 problem document; its type names the kind (not-connected, call-error, timeout, bad-request, ...).",
            ["content"] = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = new JsonObject { ["type"] = "object" } } },
        };
        operation["responses"] = responses;
        return operation;
    }

    private static string StripConstraints(string path)
    {
        var builder = new System.Text.StringBuilder(path.Length);
        var inConstraint = false;
        foreach (var c in path)
        {
            if (c == ':' && builder.ToString().LastIndexOf('{') > builder.ToString().LastIndexOf('}'))
            {
                inConstraint = true;
                continue;
            }

            if (c == '}')
            {
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
            if (type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum || type == typeof(DateTimeOffset))
            {
                return Export(type);
            }

            var name = Name(type);
            if (!Components.ContainsKey(name))
            {
                Components[name] = Export(type);
            }

            return new JsonObject { ["$ref"] = $"#/components/schemas/{name}" };
        }

        private JsonNode Export(Type type) =>
            JsonSchemaExporter.GetJsonSchemaAsNode(options, type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });

        private static string Name(Type type) =>
            type.IsGenericType
                ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}Of{string.Concat(type.GetGenericArguments().Select(Name))}"
                : type.GetCustomAttribute<System.ComponentModel.DisplayNameAttribute>()?.DisplayName ?? type.Name;
    }
}
