namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>Finds the .feature files the build copies next to the test assembly.</summary>
public static class FeatureFiles
{
    /// <summary>The folder name under the output folder; also the prefix of every scenario's feature path.</summary>
    public const string FolderName = "features";

    public static string OutputFolder => Path.Combine(AppContext.BaseDirectory, FolderName);

    /// <summary>
    /// Paths under <paramref name="folder"/>, in ordinal order so that test discovery and execution
    /// (separate processes for the test adapter) see the same cases in the same order.
    /// </summary>
    public static IReadOnlyList<string> Find(string folder) =>
        Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.feature", SearchOption.AllDirectories).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>The path as reported in names and messages: relative, forward slashes, under "features/".</summary>
    public static string DisplayPath(string folder, string file) =>
        $"{FolderName}/{Path.GetRelativePath(folder, file).Replace('\\', '/')}";
}
