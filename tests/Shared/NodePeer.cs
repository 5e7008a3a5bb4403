using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;

namespace OcppLab.Tests.Shared;

/// <summary>
/// One of the ocpp-rpc interop peers in <c>tests/interop</c> (an independent OCPP 1.6 stack in strict
/// mode), run as a child process. Its stdout is one JSON event per line; see tests/interop/README.md.
/// </summary>
public sealed class NodePeer : IAsyncDisposable
{
    private readonly Process process;
    private readonly Channel<JsonElement> events = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> seen = [];
    private readonly System.Text.StringBuilder stderr = new();
    private readonly Task pump;

    private NodePeer(Process process)
    {
        this.process = process;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        pump = Task.Run(ReadEventsAsync);
    }

    /// <summary>Every event read so far, in order.</summary>
    public IReadOnlyList<JsonElement> Seen
    {
        get
        {
            lock (seen)
            {
                return [.. seen];
            }
        }
    }

    /// <summary>What the peer wrote on stderr (its log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>The folder of the interop peers, with its node_modules installed (npm ci on first use).</summary>
    public static Task<string> PrepareAsync() => InstallAsync(Path.Combine("tests", "interop"), "ocpp-rpc");

    /// <summary>
    /// The repository folder <paramref name="relativeFolder"/> with its npm packages installed from its lock
    /// file (<c>npm ci</c>) unless <paramref name="probePackage"/> is already there.
    /// </summary>
    public static async Task<string> InstallAsync(string relativeFolder, string probePackage)
    {
        var folder = Path.Combine(RepositoryRoot(), relativeFolder);
        var installed = Path.Combine(folder, "node_modules", probePackage, "package.json");
        if (File.Exists(installed))
        {
            return folder;
        }

        // Test projects run in parallel processes: one installs, the others wait on the lock file.
        using var gate = await LockAsync(Path.Combine(folder, ".npm-install.lock"));
        if (!File.Exists(installed))
        {
            var (code, output) = await RunAsync("npm", "ci --no-audit --no-fund", folder);
            if (code != 0)
            {
                throw new InvalidOperationException($"npm ci in {folder} failed ({code}):\n{output}");
            }
        }

        return folder;
    }

    /// <summary>Runs <paramref name="file"/> in <paramref name="folder"/> and returns its exit code and its output (stdout, then stderr).</summary>
    public static async Task<(int Code, string Output)> RunAsync(string file, string arguments, string folder)
    {
        var info = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Starts <paramref name="script"/> (e.g. charge-point.mjs) with <paramref name="arguments"/>.</summary>
    public static async Task<NodePeer> StartAsync(string script, params string[] arguments)
    {
        var folder = await PrepareAsync();
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return new NodePeer(Process.Start(info) ?? throw new InvalidOperationException("node did not start"));
    }

    /// <summary>Waits for the first event (from now or already seen) that satisfies <paramref name="match"/>.</summary>
    public async Task<JsonElement> WaitForAsync(Func<JsonElement, bool> match, TimeSpan timeout, string what)
    {
        foreach (var e in Seen)
        {
            if (match(e))
            {
                return e;
            }
        }

        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (await events.Reader.WaitToReadAsync(deadline.Token))
            {
                while (events.Reader.TryRead(out var e))
                {
                    if (match(e))
                    {
                        return e;
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        throw new TimeoutException($"The interop peer did not report {what} within {timeout.TotalSeconds} s.\nEvents:\n{string.Join('\n', Seen)}\nLog:\n{Log}");
    }

    /// <summary>Asks the peer to stop (a <c>quit</c> line) and returns its exit code.</summary>
    public async Task<int> QuitAsync(TimeSpan timeout)
    {
        try
        {
            await process.StandardInput.WriteLineAsync("quit");
            await process.StandardInput.FlushAsync();
        }
        catch (IOException)
        {
        }

        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        await pump;
        return process.ExitCode;
    }

    /// <summary>Waits for the peer to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        await pump;
        return process.ExitCode;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    /// <summary>The repository root: the nearest folder above the test binaries that holds OcppLab.sln.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OcppLab.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No OcppLab.sln above {AppContext.BaseDirectory}.");
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (attempt < 6000)
            {
                await Task.Delay(50);
            }
        }
    }

    private async Task ReadEventsAsync()
    {
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            JsonElement e;
            try
            {
                e = JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException)
            {
                e = JsonDocument.Parse(JsonSerializer.Serialize(new { @event = "unparsable", line })).RootElement.Clone();
            }

            lock (seen)
            {
                seen.Add(e);
            }

            await events.Writer.WriteAsync(e);
        }

        events.Writer.TryComplete();
    }
}
