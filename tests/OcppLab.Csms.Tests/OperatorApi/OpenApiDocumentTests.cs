using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using OcppLab.Csms.Tests.Support;

namespace OcppLab.Csms.Tests.OperatorApi;

public sealed class OpenApiDocumentTests
{
    [Test]
    public async Task The_document_is_OpenAPI_3_1_and_describes_the_generic_call_endpoint()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var call = document.GetProperty("paths").GetProperty("/api/charge-points/{id}/calls/{action}").GetProperty("post");

        Assert.That(document.GetProperty("openapi").GetString(), Is.EqualTo("3.1.0"));
        Assert.That(call.GetProperty("summary").GetString(), Does.Contain("any OCPP CALL"));
        Assert.That(call.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()), Is.SupersetOf(new[] { "id", "action", "validate" }));
    }

    [Test]
    public async Task A_body_is_described_by_a_schema_of_its_type()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var put = document.GetProperty("paths").GetProperty("/api/id-tags/{idTag}").GetProperty("put");
        var reference = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString();
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference!.Split('/')[^1]);

        Assert.That(schema.GetProperty("properties").TryGetProperty("status", out _), Is.True);
        Assert.That(schema.GetProperty("properties").TryGetProperty("parentIdTag", out _), Is.True);
    }

    [Test]
    public async Task Every_operator_endpoint_is_in_the_document()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();
        var mapped = csms.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Normalize(e.RoutePattern.RawText!)}"))
            .ToList();

        Assert.That(mapped, Is.Not.Empty);
        Assert.That(mapped, Is.SubsetOf(documented));
    }

    [Test]
    public async Task Every_operation_has_a_unique_operationId()
    {
        var document = await DocumentAsync();

        var ids = Operations(document).Select(o => o.GetProperty("operationId").GetString()).ToList();

        Assert.That(ids, Is.Unique.And.Not.Contains(null));
    }

    [Test]
    public async Task The_X_Api_Key_scheme_is_declared_and_required_by_default()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");

        Assert.That(scheme.GetProperty("type").GetString(), Is.EqualTo("apiKey"));
        Assert.That(scheme.GetProperty("in").GetString(), Is.EqualTo("header"));
        Assert.That(scheme.GetProperty("name").GetString(), Is.EqualTo("X-Api-Key"));
        Assert.That(document.GetProperty("security")[0].TryGetProperty("ApiKey", out _), Is.True);
        Assert.That(document.GetProperty("servers").GetArrayLength(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Every_operation_documents_its_problems_with_the_problem_schema()
    {
        var document = await DocumentAsync();
        var responses = document.GetProperty("components").GetProperty("responses");

        foreach (var operation in Operations(document))
        {
            var codes = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            Assert.That(codes, Has.Some.StartsWith("4").And.Some.StartsWith("5"), operation.GetProperty("operationId").GetString());
        }

        var notFound = responses.GetProperty("NotFound").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
        Assert.That(notFound, Is.EqualTo("#/components/schemas/Problem"));
    }

    [Test]
    public async Task The_generic_call_documents_its_body_and_the_station_call_problems()
    {
        var document = await DocumentAsync();

        var call = document.GetProperty("paths").GetProperty("/api/charge-points/{id}/calls/{action}").GetProperty("post");

        Assert.That(call.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("type").GetString(), Is.EqualTo("object"));
        Assert.That(call.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(new[] { "400", "404", "409", "413", "502", "503", "504" }));
    }

    [Test]
    public async Task Integers_are_typed_as_integers_and_no_schema_reference_dangles()
    {
        var document = await DocumentAsync();
        var text = document.GetRawText();

        var references = System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\":\\s*\"([^\"]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.That(text, Does.Not.Contain("\"pattern\""), "no integer typed as a string with a pattern");
        Assert.That(references, Has.All.StartsWith("#/components/"));
        foreach (var reference in references)
        {
            var parts = reference.Split('/');
            Assert.That(document.GetProperty(parts[1]).GetProperty(parts[2]).TryGetProperty(parts[3], out _), Is.True, reference);
        }

        var result = document.GetProperty("components").GetProperty("schemas").GetProperty("LocalListSendResult").GetRawText();
        Assert.That(result, Does.Not.Contain("#/properties"));
    }

    private static async Task<JsonElement> DocumentAsync()
    {
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        return await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    private static List<JsonElement> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => m.Value)).ToList();

    private static string Normalize(string pattern)
    {
        var path = "/" + pattern.Trim('/');
        while (path.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0)
        {
            var close = path.IndexOf('}', colon);
            path = path.Remove(colon, close - colon);
        }

        return path;
    }
}
