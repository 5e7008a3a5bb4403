using System.Diagnostics;
using System.Text;

namespace OcppLab.Conformance.Tool.Tests;

/// <summary>
/// The tool as a user gets it: packed from this build (dotnet pack --no-build), installed into a folder of its own
/// from a feed that holds only that package, and run as its own process, far from the source tree.
/// </summary>
internal sealed class PackedTool : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private PackedTool(string root, string executable)
    {
        Root = root;
        Executable = executable;
    }

    /// <summary>A temporary folder holding the feed, the installed tool and the reports.</summary>
    public string Root { get; }

    public string Executable { get; }

    public static async Task<PackedTool> InstallAsync()
    {
        var root = Directory.CreateTempSubdirectory("ocpplab-tool-").FullName;
        var feed = Path.Combine(root, "feed");
        var tools = Path.Combine(root, "tools");
        var project = Path.Combine(RepositoryRoot(), "conformance", "OcppLab.Conformance.Tool", "OcppLab.Conformance.Tool.csproj");

        // The test project references the tool, so this build's output is there to pack as it is.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        await RunOrThrowAsync(Dotnet, ["pack", project, "--no-build", "-c", configuration, "-o", feed, "-nologo"], root, PackTimeout);

        // Only the local feed: the install must not depend on (or be served by) any other source.
        var config = Path.Combine(root, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        await RunOrThrowAsync(Dotnet, ["tool", "install", "OcppLab.Conformance.Tool", "--tool-path", tools, "--configfile", config], root, InstallTimeout);
        return new PackedTool(root, Path.Combine(tools, OperatingSystem.IsWindows() ? "ocpplab.exe" : "ocpplab"));
    }

    /// <summary>Runs the installed tool in <see cref="Root"/>, with no OCPPLAB_ variable of this process leaking in.</summary>
    public Task<ProcessOutcome> RunAsync(TimeSpan timeout, params string[] arguments) => RunProcessAsync(Executable, arguments, Root, timeout);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A report still open by a virus scanner or an editor: the temporary folder is left behind.
        }
    }

    /// <summary>The dotnet that runs these tests.</summary>
    private static string Dotnet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OcppLab.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No OcppLab.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task RunOrThrowAsync(string file, string[] arguments, string folder, TimeSpan timeout)
    {
        var outcome = await RunProcessAsync(file, arguments, folder, timeout);
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited {outcome.ExitCode}:\n{outcome.Output}\n{outcome.Error}");
        }
    }

    private static async Task<ProcessOutcome> RunProcessAsync(string file, string[] arguments, string folder, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var variable in start.Environment.Keys.Where(k => k.StartsWith("OCPPLAB_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(variable);
        }

        // The tool's launcher finds the runtime through DOTNET_ROOT when dotnet is not installed system-wide.
        if (Path.GetDirectoryName(Dotnet) is { Length: > 0 } dotnetRoot)
        {
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = new StringBuilder();
        var error = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not end within {timeout}:\n{output}\n{error}");
        }

        // WaitForExit without a timeout drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        return new ProcessOutcome(process.ExitCode, output.ToString(), error.ToString());
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }
}

internal sealed record ProcessOutcome(int ExitCode, string Output, string Error);
