using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// One of the lab's programs (the Central System, the simulator) run as a separate process from this test's
/// output folder, so that a test can kill it the way an operator or a crash would: no graceful shutdown,
/// sockets reset by the operating system.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public bool HasExited => process.HasExited;

    /// <summary>The last lines it wrote, for a failing assertion's message.</summary>
    public string Tail => string.Join(Environment.NewLine, output.TakeLast(40));

    /// <summary>Starts <paramref name="assembly"/> (e.g. <c>OcppLab.Csms.dll</c>) with <paramref name="arguments"/> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess Start(string assembly, string workingDirectory, params string[] arguments)
    {
        // DOTNET_HOST_PATH is the muxer running this test; the child runs on the same runtime.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, assembly));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{assembly} did not start."));
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Kills it outright (SIGKILL) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Kills it outright (SIGKILL) as a crash would, leaving the processes it started to notice by themselves.</summary>
    public async Task KillItAloneAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: false);
        }

        await process.WaitForExitAsync();
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx, the process exits, or <paramref name="patience"/> runs out.</summary>
    public async Task WaitUntilServingAsync(HttpClient http, Uri url, TimeSpan patience, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(patience);
        try
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The process exited with {process.ExitCode} before serving {url}:{Environment.NewLine}{Tail}");
                }

                try
                {
                    using var answer = await http.GetAsync(url, deadline.Token);
                    if (answer.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(100, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{url} did not answer within {patience}:{Environment.NewLine}{Tail}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }
}
