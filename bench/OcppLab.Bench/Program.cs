using System.Globalization;
using OcppLab.Bench;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.ServerPid is { } serverPid && !ProcStats.Exists(serverPid))
{
    Console.Error.WriteLine($"bench: --server-pid {serverPid}: no such process");
    return 2;
}

// Enough worker threads up front: thousands of stations boot at once, and the pool's slow
// injection would otherwise show up as server latency.
ThreadPool.SetMinThreads(Math.Max(Environment.ProcessorCount * 4, 16), 16);

var report = new Report();
report.Add("scenario", options.Scenario);
report.Add("label", options.Label);
report.Add("url", options.Url.ToString());
report.Add("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
report.Add("loadAverage", File.ReadAllText("/proc/loadavg").Trim());
report.Add("stations", options.Stations);

// A hard ceiling on the whole run, whatever happens: it always stops by itself.
using var ceiling = new CancellationTokenSource(TimeSpan.FromSeconds(options.Warmup + options.Duration + 240));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    ceiling.Cancel();
};

Console.Error.WriteLine($"bench {options.Scenario}: {options.Stations} stations against {options.Url} {options.Label}");
using var fleet = new Fleet(options);
try
{
    var run = options.Scenario switch
    {
        "saturate" => Scenarios.SaturateAsync(options, fleet, report, ceiling.Token),
        "open-loop" => Scenarios.OpenLoopAsync(options, fleet, report, ceiling.Token),
        "hold" => Scenarios.HoldAsync(options, fleet, report, ceiling.Token),
        _ => Scenarios.BootRateAsync(options, fleet, report, ceiling.Token),
    };
    await run.ConfigureAwait(false);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("bench: stopped before the end (time ceiling or Ctrl-C); the figures so far follow");
    report.Add("incomplete", "cancelled");
}
catch (InvalidOperationException e)
{
    Console.Error.WriteLine($"bench: {e.Message}");
    report.Add("incomplete", e.Message);
}

await fleet.CloseAllAsync().ConfigureAwait(false);
Console.Out.WriteLine(report.ToJsonLine());
Console.Error.WriteLine($"bench {options.Scenario} {options.Label}:");
Console.Error.Write(report.ToSummary());
return fleet.Booted.Count == 0 ? 1 : 0;
