using System.Globalization;
using System.Reactive.Concurrency;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Reports;
using OcppLab.Simulator.Fleet.Scenarios;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Cli;

/// <summary>The <c>fleet</c> command: many charge points, a live view, a report, and optionally the Central System too.</summary>
internal static class FleetCommand
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Runs the fleet <paramref name="options"/> describe; returns the exit code.</summary>
    public static async Task<int> RunAsync(FleetOptions options, Terminal terminal, bool verbose, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var (output, error) = (terminal.Output, terminal.Error);

        // While the live view redraws, logs go to a file beside the report (the view shows their count and the latest).
        using var log = terminal.IsTerminal && !options.Quiet ? new FleetLog(options.ReportPrefix + ".log") : null;
        CentralSystemProcess? embedded = null;
        var centralSystem = options.CentralSystem;
        if (centralSystem is null)
        {
            // In a process of its own, so that the report gives the fleet's memory and CPU apart from the Central System's.
            try
            {
                embedded = await CentralSystemProcess.StartAsync(EmbeddedUrl(options), options.ToPlan(new Uri("ws://127.0.0.1/ocpp")).AllIdTags(), entry => Log(entry, log, output), cancellationToken);
            }
            catch (IOException e)
            {
                var ocpp = new UriBuilder(options.EmbeddedUrl) { Scheme = "ws", Path = "/ocpp" }.Uri;
                error.WriteLine($"The embedded Central System could not listen on {EmbeddedUrl(options)}: {e.Message} Is a Central System running there already? Then pass --csms {ocpp}; or pick a free address with --urls http://127.0.0.1:0.");
                if (verbose)
                {
                    error.WriteLine(e is CentralSystemListenException { Detail: { } detail } ? detail : e.ToString());
                }

                return ExitCodes.RunFailed;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM while its process started: that process is stopped, and there is nothing else to stop.
                error.WriteLine("Stopped while the embedded Central System was starting: no charge point ran, and no report was written.");
                return ExitCodes.Success;
            }

            centralSystem = embedded.OcppUrl;
            output.WriteLine($"Central System (embedded, process {embedded.ProcessId}): {centralSystem}");
            output.WriteLine($"  dashboard {embedded.BaseAddress}   operator API {new Uri(embedded.BaseAddress, "/api")}");
        }

        try
        {
            return await RunFleetAsync(options, options.ToPlan(centralSystem), embedded, embedded?.BaseAddress ?? options.CentralSystemApi, terminal, log, cancellationToken);
        }
        finally
        {
            if (embedded is not null)
            {
                await embedded.DisposeAsync();
            }
        }
    }

    private static async Task<int> RunFleetAsync(FleetOptions options, FleetPlan plan, CentralSystemProcess? embedded, Uri? operatorApi, Terminal terminal, FleetLog? log, CancellationToken cancellationToken)
    {
        var (output, error) = (terminal.Output, terminal.Error);
        var startedAt = DateTimeOffset.UtcNow;
        using var metrics = new FleetMetrics();
        using var issuer = options.Security.ClientCertificateAuthority;
        Func<ProcessUsage?>? centralSystemUsage = embedded is null ? null : embedded.Usage;
        var progress = new FleetProgress(centralSystemUsage);
        var series = new TimeSeriesRecorder(metrics, options.Window, centralSystemUsage);
        using var operatorHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(30)))
        {
            Operator = operatorApi is null ? null : new OperatorApiClient(operatorApi, operatorHttp),
        };
        await using var _ = runner;

        // The Central System runs in a process of its own, which can end without the fleet (a crash, the OOM killer).
        var centralSystemEnded = false;
        void NoticeCentralSystemEnd()
        {
            if (!centralSystemEnded && embedded?.ExitCode is { } code)
            {
                centralSystemEnded = true;
                metrics.Error($"embedded Central System process ended (exit code {code})");
            }
        }

        metrics.Meter.CreateObservableGauge("ocpplab.fleet.connected", () => progress.Gauges.Connected, description: "Charge points with an open connection.");
        metrics.Meter.CreateObservableGauge("ocpplab.fleet.booted", () => progress.Gauges.Booted, description: "Charge points accepted by the Central System.");
        metrics.Meter.CreateObservableGauge("ocpplab.fleet.charging", () => progress.Gauges.Charging, description: "Connectors with a transaction running.");

        PrometheusEndpoint? prometheus = null;
        if (options.MetricsPort is { } port)
        {
            try
            {
                prometheus = new PrometheusEndpoint(options.MetricsOnAllInterfaces ? "*" : "127.0.0.1", port, () => PrometheusEndpoint.Format(plan.Shard.ToString(), progress.Gauges, metrics, runner.Sessions, ProcessUsage.Now(), progress.CentralSystemLatest));
                output.WriteLine($"Prometheus metrics: http://{(options.MetricsOnAllInterfaces ? "*" : "127.0.0.1")}:{port}/metrics");
            }
            catch (System.Net.HttpListenerException e)
            {
                error.WriteLine($"--metrics-port: {port} could not be opened: {e.Message}. Is another process serving it? Pick another port.");
                return ExitCodes.RunFailed;
            }
        }

        using var otlp = options.Otlp is { } otlpUrl ? OtlpExport.Start(otlpUrl, plan.Shard.ToString()) : null;
        var view = new LiveView(output, terminal.IsTerminal, options.Quiet, terminal.Size, log);
        if (log is not null)
        {
            output.WriteLine($"Logs go to {log.Path} while the live view runs.");
        }

        output.WriteLine($"{runner.Size} charge points (shard {plan.Shard} of {plan.Chargers}) -> {plan.CentralSystem}, {(options.Scenario is null ? $"ramp {plan.RampPerSecond.ToString(CultureInfo.InvariantCulture)}/s, " : string.Empty)}{options.Security.Describe()}, {(options.RunTime is { } d ? "for " + d : "until Ctrl+C")}{(options.Scenario is { } s ? $", scenario of {s.Scenario.Stages.Count} stages and {s.Scenario.Faults.Count} faults" : string.Empty)}");
        try
        {
            runner.Start();
            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (options.RunTime is { } duration)
            {
                run.CancelAfter(duration);
            }

            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await tick.WaitForNextTickAsync(run.Token))
                {
                    var sample = progress.Sample(runner.Gauges(), metrics);
                    NoticeCentralSystemEnd();
                    if (progress.Elapsed.TotalSeconds >= series.NextDueSeconds)
                    {
                        series.Record(progress.Elapsed.TotalSeconds, progress.Gauges, stopping: false);
                    }

                    view.Show(Status(options, plan, runner, metrics, progress, sample));
                }
            }
            catch (OperationCanceledException)
            {
            }

            if (!options.Quiet)
            {
                output.WriteLine("Stopping: ending the sessions, delivering the StopTransactions, disconnecting...");
            }

            series.Record(progress.Elapsed.TotalSeconds, runner.Gauges(), stopping: false);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await runner.StopAsync(DrainTimeout, grace.Token);
            var last = progress.Sample(runner.Gauges(), metrics);
            await runner.CloseAsync();
            series.Record(progress.Elapsed.TotalSeconds, runner.Gauges(), stopping: true);
            NoticeCentralSystemEnd();
            var report = FleetReportBuilder.Build(plan, metrics, progress, runner.Sessions, startedAt, embedded is not null, runner.Size) with
            {
                CommandLine = CommandLineOfThisRun(),
                Scenario = options.Scenario?.Source,
                Windows = series.Windows,
                WindowSeconds = options.Window.TotalSeconds,
                StartupSeconds = runner.Scenario.Stages[0].Duration.TotalSeconds,
            };
            if (centralSystemEnded && report.CentralSystemProcess is { } cs)
            {
                report = report with { CentralSystemProcess = cs with { Note = $"the embedded Central System's own process, which ended during the run (exit code {embedded!.ExitCode}): its figures until then" } };
            }

            report = report with { Thresholds = [.. options.Thresholds.Select(t => t.Evaluate(report))] };
            var files = await ReportFiles.WriteAsync(report, options.ReportPrefix, CancellationToken.None);
            output.Write(view.Render(Status(options, plan, runner, metrics, progress, last)));
            output.WriteLine($"Closed with the close handshake: {runner.ClosedWithHandshake}{(runner.ClosesAbandoned > 0 ? $", still open after {runner.CloseTimeout.TotalSeconds} s: {runner.ClosesAbandoned}" : string.Empty)}");
            if (options.JUnitPath is { } junit)
            {
                await JUnitWriter.WriteAsync(junit, report.Thresholds, report.DurationSeconds, startedAt, CancellationToken.None);
                files = [.. files, junit];
            }

            output.WriteLine($"Report: {string.Join(", ", files)}");
            if (log?.Summary is { Count: > 0 } logged)
            {
                output.WriteLine($"Log: {logged.Count} entries in {log.Path}");
            }

            foreach (var verdict in report.Thresholds)
            {
                output.WriteLine($"  {(verdict.Passed ? "pass" : "FAIL")}  {verdict.Threshold}   observed {verdict.Shown}");
            }

            if (centralSystemEnded)
            {
                error.WriteLine($"The embedded Central System's process ended during the run (exit code {embedded!.ExitCode}), so the charge points lost it; the report has the run until then.");
                return ExitCodes.RunFailed;
            }

            if (progress.Samples.Select(s => s.Connected).Append(last.Connected).Max() == 0)
            {
                var errors = string.Join(", ", metrics.Errors.OrderByDescending(e => e.Value).Take(3).Select(e => $"{e.Key} x{e.Value}"));
                error.WriteLine($"None of the {runner.Size} charge points connected to {plan.CentralSystem}{(errors.Length > 0 ? " (" + errors + ")" : string.Empty)}. Is the Central System running there, and does it accept them?");
                return ExitCodes.RunFailed;
            }

            if (report.Thresholds.Any(t => !t.Passed))
            {
                error.WriteLine($"{report.Thresholds.Count(t => !t.Passed)} of {report.Thresholds.Count} thresholds failed.");
                return ExitCodes.ThresholdsFailed;
            }

            return ExitCodes.Success;
        }
        finally
        {
            if (prometheus is not null)
            {
                await prometheus.DisposeAsync();
            }
        }
    }

    /// <summary>The command line of this process as typed, the password masked, for the report.</summary>
    private static string CommandLineOfThisRun()
    {
        var args = Environment.GetCommandLineArgs().Skip(1).ToArray();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] is "--password" or "--client-ca-key")
            {
                args[i + 1] = "***";
            }
        }

        return "simulator " + string.Join(' ', args.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));
    }

    /// <summary>The embedded Central System's address as ASP.NET Core takes it (no trailing slash).</summary>
    private static string EmbeddedUrl(FleetOptions options) => options.EmbeddedUrl.GetLeftPart(UriPartial.Authority);

    private static FleetStatus Status(FleetOptions options, FleetPlan plan, FleetRunner runner, FleetMetrics metrics, FleetProgress progress, ThroughputSample sample) =>
        new(
            progress.Elapsed,
            options.Duration,
            plan.Shard.ToString(),
            plan.CentralSystem.ToString(),
            runner.Size,
            progress.Gauges,
            sample,
            runner.Sessions,
            metrics.Actions,
            metrics.Errors,
            ProcessUsage.Now().CpuTime)
        {
            CentralSystemProcess = progress.CentralSystemEnded ? null : progress.CentralSystemLatest,
        };

    /// <summary>
    /// An entry of the embedded Central System's log: to the log file while the live view owns the terminal, else to
    /// the output as the .NET console logger writes it.
    /// </summary>
    private static void Log(CentralSystemLogEntry entry, FleetLog? log, TextWriter output)
    {
        if (log is not null)
        {
            log.Write(entry);
            return;
        }

        output.WriteLine($"{LogLevelNames.Short(entry.Level)}: {entry.Category}{Environment.NewLine}      {entry.Message}");
        if (entry.Exception is { } exception)
        {
            output.WriteLine(exception);
        }
    }
}
