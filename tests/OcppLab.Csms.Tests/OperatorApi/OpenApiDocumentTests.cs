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
