using OcppLab.Csms.Tests.Support;
using OcppLab.Tests.Shared;

namespace OcppLab.Csms.Tests.OperatorApi;

/// <summary>
/// The served OpenAPI document passes the two validators tools use: swagger-parser's validate and
/// Redocly's lint with its recommended rules (tests/openapi, npm packages pinned by its lock file).
/// </summary>
public sealed class OpenApiValidatorTests
{
    [Test]
    public async Task The_served_document_passes_swagger_parser_and_redocly_lint_with_the_recommended_rules()
    {
        var folder = await NodePeer.InstallAsync(Path.Combine("tests", "openapi"), Path.Combine("@redocly", "cli"));
        await using var csms = new CsmsFactory();
        using var http = csms.CreateClient();
        var file = Path.Combine(csms.FilesRoot, "openapi.json");
        Directory.CreateDirectory(csms.FilesRoot);
        await File.WriteAllTextAsync(file, await http.GetStringAsync("/openapi/v1.json"));

        var (code, output) = await NodePeer.RunAsync("node", $"validate.mjs \"{file}\"", folder);

        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("swagger-parser: valid"));
    }
}
