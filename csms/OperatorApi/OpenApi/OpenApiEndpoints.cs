namespace OcppLab.Csms.OperatorApi.OpenApi;

/// <summary>Serves the operator API's OpenAPI document at a stable path.</summary>
public static class OpenApiEndpoints
{
    /// <summary>Where the document is served.</summary>
    public const string DocumentPath = "/openapi/v1.json";

    /// <summary>Maps <see cref="DocumentPath"/>.</summary>
    public static IEndpointRouteBuilder MapOpenApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentPath, (OpenApiDocumentBuilder builder) => Results.Text(builder.Json, "application/json"))
            .ExcludeFromDescription();
        return app;
    }
}
