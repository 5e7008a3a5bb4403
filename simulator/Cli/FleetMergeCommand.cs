using System.CommandLine;
using System.Text.Json;
using OcppLab.Simulator.Fleet.Reports;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// <c>fleet merge out/*.json</c>: the JSON reports of the shards of one run (one per process or pod) made into the
/// report of the whole fleet, written as JSON, Markdown and HTML, with the thresholds judged on the whole.
/// </summary>
internal sealed class FleetMergeCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Argument<string[]> files = new("reports")
    {
        Description = "The shards' JSON reports (PREFIX.json of each shard; a * pattern is expanded here too, for shells that do not)",
        Arity = ArgumentArity.OneOrMore,
    };

    private readonly Option<string?> report = OptionValues.Create<string?>("--report", "prefix", "Write PREFIX.json, PREFIX.md, PREFIX.html (default fleet-report-merged)", (string text, out string? value) =>
    {
        value = text;
        return text.Length == 0 ? "'' is not a file name prefix." : null;
    });

    private readonly Option<string?> junit = OptionValues.Create<string?>("--junit", "path", "Write the thresholds' verdicts on the whole fleet as JUnit XML", (string text, out string? value) =>
    {
        value = text;
        return text.Length == 0 ? "'' is not a file name." : null;
    });

    public FleetMergeCommand()
    {
        Command = new Command("merge", $"Combine the JSON reports of a sharded run (--shard k/n) into one report of the whole fleet: counts and latency histograms added, percentiles and thresholds computed on the whole. Exit code {ExitCodes.ThresholdsFailed} when a threshold fails.")
        {
            files, report, junit,
        };
    }

    /// <summary>The command, without an action.</summary>
    public Command Command { get; }

    /// <summary>Reads, merges and writes; returns the exit code.</summary>
    public async Task<int> RunAsync(ParseResult parsed, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(terminal);
        var paths = Expand(parsed.GetValue(files) ?? []);
        if (paths.Count == 0)
        {
            terminal.Error.WriteLine($"fleet merge: no report matches {string.Join(' ', parsed.GetValue(files) ?? [])}.");
            return ExitCodes.Usage;
        }

        var shards = new List<(string, FleetReport)>();
        foreach (var path in paths)
        {
            try
            {
                var shard = JsonSerializer.Deserialize<FleetReport>(await File.ReadAllTextAsync(path, cancellationToken), Json)
                    ?? throw new JsonException("the file holds null.");
                shards.Add((path, shard));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                terminal.Error.WriteLine($"fleet merge: '{path}' is not a fleet report (PREFIX.json of a fleet run): {e.Message}");
                return ExitCodes.Usage;
            }
        }

        FleetReport merged;
        try
        {
            merged = ReportMerge.Merge(shards);
        }
        catch (ArgumentException e)
        {
            terminal.Error.WriteLine("fleet merge: " + e.Message);
            return ExitCodes.Usage;
        }

        var written = await ReportFiles.WriteAsync(merged, parsed.GetValue(report) ?? "fleet-report-merged", cancellationToken);
        if (parsed.GetValue(junit) is { } junitPath)
        {
            await JUnitWriter.WriteAsync(junitPath, merged.Thresholds, merged.DurationSeconds, merged.StartedAt, cancellationToken);
            written = [.. written, junitPath];
        }

        terminal.Output.WriteLine($"Merged {shards.Count} shards ({merged.Shard}): {merged.ShardChargers} of {merged.FleetChargers} charge points, {merged.CallsSent} calls sent.");
        terminal.Output.WriteLine($"Report: {string.Join(", ", written)}");
        foreach (var verdict in merged.Thresholds)
        {
            terminal.Output.WriteLine($"  {(verdict.Passed ? "pass" : "FAIL")}  {verdict.Threshold}   observed {verdict.Shown}");
        }

        if (merged.ShardChargers != merged.FleetChargers)
        {
            terminal.Error.WriteLine($"Only {merged.ShardChargers} of the fleet's {merged.FleetChargers} charge points are in these reports: a shard is missing.");
        }

        return merged.Thresholds.Any(t => !t.Passed) ? ExitCodes.ThresholdsFailed : ExitCodes.Success;
    }

    private static List<string> Expand(IEnumerable<string> arguments) =>
        [.. arguments.SelectMany(a =>
        {
            if (!a.Contains('*', StringComparison.Ordinal) && !a.Contains('?', StringComparison.Ordinal))
            {
                return [a];
            }

            var folder = Path.GetDirectoryName(a) is { Length: > 0 } d ? d : ".";
            return Directory.Exists(folder) ? Directory.GetFiles(folder, Path.GetFileName(a)).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
        })];
}
