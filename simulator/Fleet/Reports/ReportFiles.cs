namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>Writes the three report files next to each other: <c>PREFIX.json</c>, <c>PREFIX.md</c>, <c>PREFIX.html</c>.</summary>
public static class ReportFiles
{
    /// <summary>Writes the files and returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(FleetReport report, string prefix, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(prefix));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var files = new (string Path, string Text)[]
        {
            (prefix + ".json", JsonReportWriter.Write(report)),
            (prefix + ".md", MarkdownReportWriter.Write(report)),
            (prefix + ".html", HtmlReportWriter.Write(report)),
        };
        foreach (var (path, text) in files)
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }

        return [.. files.Select(f => f.Path)];
    }
}
