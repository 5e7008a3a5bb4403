namespace OcppLab.Conformance.Tool;

/// <summary>
/// The manual-action contract (<c>operator-contract.openapi.yaml</c>, OpenAPI 3.1) the cases the Central System
/// starts are driven through, carried inside the tool so that a team that installed only the package can
/// generate its adapter from the very document the installed version speaks.
/// </summary>
public static class OperatorContract
{
    /// <summary>The file name the document has in the repository and the name <c>ocpplab conformance contract</c> suggests.</summary>
    public const string FileName = "operator-contract.openapi.yaml";

    /// <summary>The document's text, exactly as in the repository.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(OperatorContract).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException($"The tool carries no {FileName}; reinstall the tool.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
