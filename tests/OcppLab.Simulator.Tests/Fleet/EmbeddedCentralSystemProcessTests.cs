using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using OcppLab.Simulator.Cli;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>
/// The fleet's embedded Central System in a process of its own: where it listens is handed back (port 0 too), it
/// serves the dashboard and the operator API as before, it stops with the fleet, and the report gives the fleet's
/// memory and CPU apart from the Central System's.
/// </summary>
public sealed class EmbeddedCentralSystemProcessTests
{
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-embedded", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    [CancelAfter(120_000)]
    public async Task It_runs_in_a_child_process_on_the_free_port_it_names_serves_the_operator_API_and_ends_when_stopped(CancellationToken cancellationToken)
    {
        var log = new ConcurrentQueue<CentralSystemLogEntry>();
        Process child;
        await using (var csms = await CentralSystemProcess.StartAsync("http://127.0.0.1:0", ["CARD-A", "CARD-B"], log.Enqueue, cancellationToken))
        {
            child = Process.GetProcessById(csms.ProcessId);
            using var http = new HttpClient { BaseAddress = csms.BaseAddress };
            using var dashboard = await http.GetAsync(new Uri("/", UriKind.Relative), cancellationToken);
            var card = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/id-tags/CARD-B", UriKind.Relative), cancellationToken);

            Assert.Multiple(() =>
            {
                Assert.That(csms.ProcessId, Is.Not.EqualTo(Environment.ProcessId));
                Assert.That(csms.BaseAddress.Port, Is.Not.Zero);
                Assert.That(csms.OcppUrl, Is.EqualTo(new Uri($"ws://127.0.0.1:{csms.BaseAddress.Port}/ocpp")));
                Assert.That(dashboard.IsSuccessStatusCode, Is.True, "the dashboard");
                Assert.That(card.GetProperty("status").GetString(), Is.EqualTo("Accepted"), "the fleet's cards are accepted");
                Assert.That(csms.Usage()?.RssBytes, Is.GreaterThan(0), "its memory is read from its own process");
            });
        }

        using (child)
        {
            Assert.That(child.HasExited, Is.True, "stopping it ends its process");
        }

        Assert.That(log, Is.Empty);
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_stop_like_Ctrl_C_ends_the_sessions_before_the_central_system_and_the_report_gives_both_processes(CancellationToken cancellationToken)
    {
        var port = ChildProcess.FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var prefix = Path.Combine(folder, "report");
        var run = Task.Run(
            () => SimulatorCommandLine.RunAsync(
                ["fleet", "--urls", $"http://127.0.0.1:{port}", "--chargers", "4", "--ramp", "100/s", "--session-gap", "1s", "--session-length", "10m", "--window", "1s", "--quiet", "--report", prefix],
                Terminal.Captured(output, error),
                stop.Token),
            CancellationToken.None);

        // Ctrl+C once some sessions run, so that their StopTransactions must reach the Central System before it stops.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (!run.IsCompleted && await StartedAsync(http, cancellationToken) < 2)
        {
            await Task.Delay(200, cancellationToken);
        }

        await stop.CancelAsync();
        var code = await run;

        Assert.That(code, Is.EqualTo(ExitCodes.Success), output + error.ToString());
        Assert.That(output.ToString(), Does.Contain("Closed with the close handshake: 4"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(prefix + ".json", cancellationToken));
        var report = json.RootElement;
        var calls = report.GetProperty("actions").EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("count").GetInt64());
        var fleet = report.GetProperty("process");
        var centralSystem = report.GetProperty("centralSystemProcess");
        var windows = report.GetProperty("windows").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(calls["StopTransaction"], Is.EqualTo(calls["StartTransaction"]), "every session stopped, its StopTransaction answered");
            Assert.That(report.GetProperty("errors").EnumerateObject(), Is.Empty);
            Assert.That(fleet.GetProperty("note").GetString(), Does.StartWith("the fleet process only"));
            Assert.That(fleet.GetProperty("peakRssBytes").GetInt64(), Is.GreaterThan(0));
            Assert.That(centralSystem.GetProperty("peakRssBytes").GetInt64(), Is.GreaterThan(0));
            Assert.That(centralSystem.GetProperty("cpuSeconds").GetDouble(), Is.GreaterThan(0), "it started an ASP.NET Core host, which takes CPU");
            Assert.That(windows, Has.All.Matches<JsonElement>(w => w.GetProperty("rssBytes").GetInt64() > 0 && w.GetProperty("centralSystemRssBytes").GetInt64() > 0));
            Assert.That(windows, Has.All.Matches<JsonElement>(w => w.GetProperty("centralSystemCpuPercent").ValueKind == JsonValueKind.Number));
        });
        var markdown = await File.ReadAllTextAsync(prefix + ".md", cancellationToken);
        var html = await File.ReadAllTextAsync(prefix + ".html", cancellationToken);
        Assert.That(markdown, Does.Contain("- Central System process: peak RSS "));
        Assert.That(html, Does.Contain("Central System peak RSS").And.Contain("Memory: resident set of the fleet&#39;s process and of the embedded Central System&#39;s"));
    }

    [Test]
    [CancelAfter(120_000)]
    public async Task A_central_system_process_that_ends_during_the_run_fails_the_run_and_says_so(CancellationToken cancellationToken)
    {
        var port = ChildProcess.FreePort();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var prefix = Path.Combine(folder, "report");
        var run = Task.Run(
            () => SimulatorCommandLine.RunAsync(
                ["fleet", "--urls", $"http://127.0.0.1:{port}", "--chargers", "2", "--ramp", "100/s", "--quiet", "--report", prefix],
                Terminal.Captured(output, error),
                stop.Token),
            CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        while (!run.IsCompleted && await StartedAsync(http, cancellationToken) < 0)
        {
            await Task.Delay(200, cancellationToken);
        }

        using (var centralSystem = Process.GetProcessById(ChildListeningOn(port)))
        {
            centralSystem.Kill();
            await centralSystem.WaitForExitAsync(cancellationToken);
        }

        await stop.CancelAsync();
        var code = await run;

        Assert.That(code, Is.EqualTo(ExitCodes.RunFailed), output + error.ToString());
        Assert.That(error.ToString(), Does.StartWith("The embedded Central System's process ended during the run (exit code 137)"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(prefix + ".json", cancellationToken));
        Assert.That(json.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name), Does.Contain("embedded Central System process ended (exit code 137)"));
        Assert.That(json.RootElement.GetProperty("centralSystemProcess").GetProperty("note").GetString(), Does.Contain("ended during the run"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task A_stop_while_the_central_system_starts_stops_its_process_and_exits_0()
    {
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var (options, problem) = SimulatorCommandLine.ParseFleet(["--urls", "http://127.0.0.1:0", "--chargers", "2", "--quiet", "--report", Path.Combine(folder, "report")]);
        Assert.That(problem, Is.Null);

        var code = await FleetCommand.RunAsync(options!, Terminal.Captured(output, error), verbose: false, stopped.Token);

        Assert.That(code, Is.EqualTo(ExitCodes.Success), output + error.ToString());
        Assert.That(error.ToString(), Does.StartWith("Stopped while the embedded Central System was starting"));
        Assert.That(ChildrenRunningTheCentralSystem(), Is.Empty, "its process was stopped, not left behind");
        Assert.That(File.Exists(Path.Combine(folder, "report.json")), Is.False);
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_child_side_says_where_it_listens_and_stops_when_its_input_ends()
    {
        using var input = new StringReader(CentralSystemChannel.Line(new CentralSystemStart("http://127.0.0.1:0", ["CARD-A"])) + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmbeddedCentralSystemCommand.RunAsync(Terminal.Captured(output, error, input));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CentralSystemChannel.Read<CentralSystemMessage>).ToList();
        Assert.That(code, Is.EqualTo(ExitCodes.Success), error.ToString());
        Assert.That(lines.First()?.Listening, Does.Match(@"^http://127\.0\.0\.1:[1-9][0-9]*/$"));
    }

    [Test]
    [CancelAfter(60_000)]
    public async Task The_child_side_says_why_it_cannot_listen_with_the_exception_in_full()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        using var input = new StringReader(CentralSystemChannel.Line(new CentralSystemStart($"http://127.0.0.1:{port}", [])) + "\n");
        using var output = new StringWriter();

        var code = await EmbeddedCentralSystemCommand.RunAsync(Terminal.Captured(output, TextWriter.Null, input));

        var said = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(CentralSystemChannel.Read<CentralSystemMessage>).Single(m => m?.CannotListen is not null)!;
        Assert.That(code, Is.EqualTo(ExitCodes.RunFailed));
        Assert.That(said.CannotListen, Does.Contain($"127.0.0.1:{port}"));
        Assert.That(said.Detail, Does.Contain("   at "));
    }

    [Test]
    public async Task The_child_side_refuses_to_start_without_the_fleet_s_first_line()
    {
        using var input = new StringReader("hello\n");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await EmbeddedCentralSystemCommand.RunAsync(Terminal.Captured(output, error, input));

        Assert.That(code, Is.EqualTo(ExitCodes.Usage));
        Assert.That(error.ToString(), Does.Contain("run 'simulator fleet' instead"));
        Assert.That(output.ToString(), Is.Empty);
    }

    /// <summary>The process id of this process's child that runs the embedded Central System on <paramref name="port"/>.</summary>
    private static int ChildListeningOn(int port) =>
        ChildrenRunningTheCentralSystem().SingleOrDefault() is var pid and > 0 ? pid : throw new InvalidOperationException($"No child process runs the Central System on port {port}.");

    /// <summary>This process's children that run the embedded Central System, from /proc.</summary>
    private static List<int> ChildrenRunningTheCentralSystem()
    {
        var children = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
                if (parent == Environment.ProcessId && File.ReadAllText(Path.Combine(folder, "cmdline")).Contains(CentralSystemChannel.Command, StringComparison.Ordinal))
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return children;
    }

    private static async Task<long> StartedAsync(HttpClient http, CancellationToken cancellationToken)
    {
        try
        {
            var summary = await http.GetFromJsonAsync<JsonElement>(new Uri("/api/transactions/summary", UriKind.Relative), cancellationToken);
            return summary.GetProperty("started").GetInt64();
        }
        catch (HttpRequestException)
        {
            return -1; // not listening yet
        }
    }
}
