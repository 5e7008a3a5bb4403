using System.Diagnostics;
using Microsoft.AspNetCore.Routing;
using OcppLab.Csms.Connections;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The fleet's embedded Central System (<see cref="EmbeddedCsms"/>) run as a child process: this process re-runs its own
/// program with the hidden <see cref="CentralSystemChannel.Command"/>, so the fleet's memory and CPU are this process's
/// and the Central System's are the child's, read from the operating system. The child listens where the fleet said
/// (port 0 for a free port) and says where; it stops when the fleet closes its standard input, which the kernel also
/// does when the fleet dies, so it never outlives the fleet.
/// </summary>
public sealed class CentralSystemProcess : IAsyncDisposable
{
    /// <summary>How long the Central System has to stop (close its connections, end its host) before it is killed.</summary>
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(20);

    private readonly Process process;
    private readonly Task reading;
    private readonly Task readingErrors;

    private CentralSystemProcess(Process process, Uri baseAddress, Task reading, Task readingErrors)
    {
        this.process = process;
        BaseAddress = baseAddress;
        this.reading = reading;
        this.readingErrors = readingErrors;
    }

    /// <summary>The HTTP address it listens on (the dashboard and operator API).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The OCPP endpoint's base URL for charge points.</summary>
    public Uri OcppUrl => new UriBuilder(BaseAddress) { Scheme = "ws", Path = OcppEndpointRouteBuilderExtensions.PathPrefix }.Uri;

    /// <summary>The child's process id.</summary>
    public int ProcessId => process.Id;

    /// <summary>Its exit code once it has ended (killed by a signal: 128 plus the signal); null while it runs.</summary>
    public int? ExitCode
    {
        get
        {
            try
            {
                return process.HasExited ? process.ExitCode : null;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// Starts the Central System's process, listening on <paramref name="url"/> and accepting <paramref name="idTags"/>;
    /// its log entries go to <paramref name="log"/> once it listens. An <see cref="IOException"/> says why it could not
    /// listen (<see cref="CentralSystemListenException.Detail"/> has the child's exception in full).
    /// </summary>
    public static async Task<CentralSystemProcess> StartAsync(string url, IEnumerable<string> idTags, Action<CentralSystemLogEntry> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idTags);
        ArgumentNullException.ThrowIfNull(log);
        var process = Process.Start(StartInfo()) ?? throw new InvalidOperationException("The embedded Central System's process did not start.");
        var answer = new TaskCompletionSource<CentralSystemMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();

        // Its log entries are held until it listens: when it cannot, they only repeat the failure the fleet reports.
        // Two threads read its two pipes: the entries are passed on under one lock, so they keep their order.
        var held = new List<CentralSystemLogEntry>();
        var holding = true;
        var sync = new Lock();
        void Log(CentralSystemLogEntry entry)
        {
            lock (sync)
            {
                if (holding)
                {
                    held.Add(entry);
                }
                else
                {
                    log(entry);
                }
            }
        }

        // A child's pipes have no asynchronous reads on Unix: an await would hold a pool thread for the whole run, so
        // each pipe is read on a thread of its own.
        var reading = Reader(() =>
        {
            while (process.StandardOutput.ReadLine() is { } line)
            {
                var message = CentralSystemChannel.Read<CentralSystemMessage>(line);
                if (message?.Log is { } entry)
                {
                    Log(entry);
                }
                else if (message?.Listening is not null || message?.CannotListen is not null)
                {
                    answer.TrySetResult(message);
                }
                else
                {
                    Log(new CentralSystemLogEntry(Microsoft.Extensions.Logging.LogLevel.Information, "Central System process", line, null));
                }
            }

            string said;
            lock (sync)
            {
                said = errors.Count > 0 ? ": " + string.Join(Environment.NewLine, errors.TakeLast(20)) : ".";
            }

            answer.TrySetException(new InvalidOperationException($"The embedded Central System's process ended before it listened{said}"));
        });
        var readingErrors = Reader(() =>
        {
            // The runtime's own words (an unhandled exception, a crash): kept for a failed start, logged after.
            while (process.StandardError.ReadLine() is { } line)
            {
                lock (sync)
                {
                    errors.Add(line);
                }

                Log(new CentralSystemLogEntry(Microsoft.Extensions.Logging.LogLevel.Error, "Central System process", line, null));
            }
        });

        try
        {
            await process.StandardInput.WriteLineAsync(CentralSystemChannel.Line(new CentralSystemStart(url, [.. idTags])));
            await process.StandardInput.FlushAsync(cancellationToken);
            var first = await answer.Task.WaitAsync(cancellationToken);
            if (first.CannotListen is { } reason)
            {
                throw new CentralSystemListenException(reason) { Detail = first.Detail };
            }

            var started = new CentralSystemProcess(process, new Uri(first.Listening!), reading, readingErrors);
            lock (sync)
            {
                holding = false;
                held.ForEach(log);
            }

            return started;
        }
        catch
        {
            await StopAsync(process, TimeSpan.FromSeconds(5));
            await Task.WhenAll(reading, readingErrors);
            process.Dispose();
            throw;
        }
    }

    private static Task Reader(Action read) =>
        Task.Factory.StartNew(read, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>The child's resident set and CPU time now; null once it has exited.</summary>
    public ProcessUsage? Usage()
    {
        try
        {
            process.Refresh();
            return process.HasExited ? null : new ProcessUsage(process.WorkingSet64, process.TotalProcessorTime, null);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Stops the Central System: its standard input is closed, and it is killed if it has not ended in time.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(process, StopTimeout);
        await Task.WhenAll(reading, readingErrors);
        process.Dispose();
    }

    private static async Task StopAsync(Process process, TimeSpan patience)
    {
        try
        {
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It has gone already.
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// This program again: under its apphost (dotnet run, a published build) the same executable; under the dotnet host
    /// (dotnet OcppLab.Simulator.dll, a test host) the host with this assembly. Either way the same runtime and settings.
    /// </summary>
    private static ProcessStartInfo StartInfo()
    {
        var assembly = typeof(CentralSystemProcess).Assembly.Location;
        var self = Environment.ProcessPath;
        // Not GetFileNameWithoutExtension(self): the apphost OcppLab.Simulator has no extension but would lose ".Simulator".
        var apphost = self is not null && Path.GetFileName(self) is var name
            && (name == Path.GetFileNameWithoutExtension(assembly) || name == Path.ChangeExtension(Path.GetFileName(assembly), ".exe"));
        var start = new ProcessStartInfo(apphost ? self! : DotnetHost(self));
        if (!apphost)
        {
            start.ArgumentList.Add(assembly);
        }

        start.ArgumentList.Add(CentralSystemChannel.Command);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        // The Central System's own GC setting (csms/OcppLab.Csms.csproj): this runtimeconfig is the fleet's, and the
        // environment overrides it for the child only. A user's own DOTNET_GCConserveMemory wins.
        if (Environment.GetEnvironmentVariable(ConserveMemoryVariable) is null)
        {
            start.Environment[ConserveMemoryVariable] = "9";
        }

        return start;
    }

    private const string ConserveMemoryVariable = "DOTNET_GCConserveMemory";

    private static string DotnetHost(string? self) =>
        self is not null && Path.GetFileName(self) is "dotnet" or "dotnet.exe"
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
