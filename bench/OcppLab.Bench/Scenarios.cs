using System.Diagnostics;
using System.Net.WebSockets;

namespace OcppLab.Bench;

/// <summary>The four measurements. Each boots its stations first, then measures, then closes them.</summary>
internal static class Scenarios
{
    /// <summary>Closed loop: every station sends Authorize back to back; calls per second and server CPU per call.</summary>
    public static async Task SaturateAsync(BenchOptions options, Fleet fleet, Report report, CancellationToken cancellationToken)
    {
        await fleet.BootAsync(options.Stations, cancellationToken).ConfigureAwait(false);
        fleet.AddBootFigures(report);
        var latencies = new LatencyLog(4_000_000);
        var measuring = 0;
        var stop = 0;
        long completed = 0;
        long refused = 0;
        long errors = 0;
        string? firstError = null;

        async Task LoopAsync(Station station)
        {
            try
            {
                while (Volatile.Read(ref stop) == 0)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var outcome = await station.CallAsync(CallKind.Authorize, cancellationToken).ConfigureAwait(false);
                    var elapsed = Stopwatch.GetTimestamp() - t0;
                    if (Volatile.Read(ref measuring) == 1)
                    {
                        latencies.Record(elapsed);
                        Interlocked.Increment(ref completed);
                        if (outcome != CallOutcome.Ok)
                        {
                            Interlocked.Increment(ref refused);
                        }
                    }
                }
            }
            catch (Exception e) when (e is WebSocketException or StationClosedException or OperationCanceledException)
            {
                if (Interlocked.Increment(ref errors) == 1)
                {
                    firstError = $"{station.Id}: {e.Message}";
                }
            }
        }

        var loops = fleet.Booted.Select(LoopAsync).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup), cancellationToken).ConfigureAwait(false);
        var server0 = SampleServer(options);
        var self0 = ProcStats.Read(Environment.ProcessId);
        Volatile.Write(ref measuring, 1);
        await Task.Delay(TimeSpan.FromSeconds(options.Duration), cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref measuring, 0);
        var calls = Interlocked.Read(ref completed);
        var server1 = SampleServer(options);
        var self1 = ProcStats.Read(Environment.ProcessId);
        Volatile.Write(ref stop, 1);
        await Task.WhenAll(loops).ConfigureAwait(false);

        var seconds = LatencyLog.ToMs(self1.At - self0.At) / 1000;
        report.Add("measuredSeconds", seconds);
        report.Add("calls", calls);
        report.Add("callsPerSecond", calls / seconds);
        report.Add("refused", Interlocked.Read(ref refused));
        report.Add("stationErrors", Interlocked.Read(ref errors));
        if (firstError is not null)
        {
            report.Add("firstStationError", firstError);
        }

        report.Add("closedLoop", latencies.Summarize());
        AddCpu(report, server0, server1, self0, self1, calls);
    }

    /// <summary>
    /// Open loop: Authorize at a fixed aggregate rate, station after station, each call sent at its
    /// scheduled time whether or not earlier answers came back, so latency counts from the schedule.
    /// </summary>
    public static async Task OpenLoopAsync(BenchOptions options, Fleet fleet, Report report, CancellationToken cancellationToken)
    {
        await fleet.BootAsync(options.Stations, cancellationToken).ConfigureAwait(false);
        fleet.AddBootFigures(report);
        var stations = fleet.Booted;
        if (stations.Count == 0)
        {
            throw new InvalidOperationException("no station booted; nothing to measure");
        }

        var warmupCalls = (long)(options.Rate * options.Warmup);
        var measuredCalls = (long)(options.Rate * options.Duration);
        var total = warmupCalls + measuredCalls;
        var tickPerCall = (double)Stopwatch.Frequency / options.Rate;
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var measureFrom = start + (long)(warmupCalls * tickPerCall);
        var sink = new OpenLoopSink((int)Math.Min(measuredCalls + 1000, 10_000_000), (int)Math.Min(warmupCalls + 1000, 10_000_000), measureFrom);

        using var receiving = new CancellationTokenSource();
        var receivers = stations.Select(s => s.ReceiveAnswersAsync(sink, receiving.Token)).ToArray();

        ProcStats.Sample? server0 = null;
        ProcStats.Sample self0 = default;
        var scheduler = new Thread(() =>
        {
            long i = 0;
            while (i < total)
            {
                var now = Stopwatch.GetTimestamp();
                long due;
                while (i < total && (due = start + (long)(i * tickPerCall)) <= now)
                {
                    if (i == warmupCalls)
                    {
                        server0 = SampleServer(options);
                        self0 = ProcStats.Read(Environment.ProcessId);
                    }

                    stations[(int)(i % stations.Count)].Fire(due, sink);
                    i++;
                }

                var untilNext = LatencyLog.ToMs(start + (long)(i * tickPerCall) - Stopwatch.GetTimestamp());
                if (untilNext > 0.05)
                {
                    ProcStats.SleepMicroseconds((uint)Math.Min(untilNext * 1000, 100_000));
                }
            }
        })
        {
            IsBackground = true,
            Name = "open-loop schedule",
            Priority = ThreadPriority.AboveNormal,
        };
        scheduler.Start();
        await Task.Run(scheduler.Join, cancellationToken).ConfigureAwait(false);

        // Let the last answers arrive (bounded), then sample: the CPU window covers exactly the measured calls.
        var drainUntil = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 10;
        while (stations.Any(s => s.Outstanding > 0) && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }

        var server1 = SampleServer(options);
        var self1 = ProcStats.Read(Environment.ProcessId);
        await receiving.CancelAsync().ConfigureAwait(false);

        var seconds = LatencyLog.ToMs(self1.At - self0.At) / 1000;
        report.Add("rate", options.Rate);
        report.Add("scheduledCalls", measuredCalls);
        report.Add("calls", sink.Measured);
        report.Add("answeredPerSecond", sink.Measured / seconds);
        report.Add("unanswered", measuredCalls - sink.Measured);
        report.Add("refused", sink.Refused);
        report.Add("callErrors", sink.CallErrors);
        report.Add("lostStations", sink.LostStations);
        if (sink.FirstLoss is not null)
        {
            report.Add("firstLoss", sink.FirstLoss);
        }

        report.Add("latency", sink.FromIntended.Summarize());
        report.Add("service", sink.FromSent.Summarize());
        report.Add("sendLag", sink.SendLag.Summarize());
        report.Add("afterBootLatency", sink.AfterBoot.Summarize());
        report.Add("serverCalls", stations.Sum(s => s.ServerCalls));
        report.Add("unexpectedAnswers", stations.Sum(s => s.UnexpectedAnswers));
        AddCpu(report, server0, server1, self0, self1, sink.Measured);
        await Task.WhenAll(receivers).ConfigureAwait(false);
    }

    /// <summary>Connect, boot and heartbeat every station, and hold them: memory per station at both ends.</summary>
    public static async Task HoldAsync(BenchOptions options, Fleet fleet, Report report, CancellationToken cancellationToken)
    {
        var server0 = SampleServer(options);
        var self0 = ProcStats.Read(Environment.ProcessId);
        await fleet.BootAsync(options.Stations, cancellationToken).ConfigureAwait(false);
        fleet.AddBootFigures(report);
        var stations = fleet.Booted;
        if (options.ReadyFile is { } ready)
        {
            await File.WriteAllTextAsync(ready, $"{stations.Count}\n", cancellationToken).ConfigureAwait(false);
        }

        long heartbeats = 0;
        long lost = 0;
        string? firstLoss = null;
        var holdFor = TimeSpan.FromSeconds(options.Duration);
        var period = TimeSpan.FromSeconds(options.Heartbeat);
        var until = Stopwatch.GetTimestamp() + (long)(holdFor.TotalSeconds * Stopwatch.Frequency);

        async Task HeartbeatAsync(Station station, int index)
        {
            try
            {
                // Spread evenly over one period, so the server sees a steady trickle rather than waves.
                await Task.Delay(period * index / stations.Count, cancellationToken).ConfigureAwait(false);
                while (Stopwatch.GetTimestamp() < until)
                {
                    var outcome = await station.CallAsync(CallKind.Heartbeat, cancellationToken).ConfigureAwait(false);
                    if (outcome == CallOutcome.Ok)
                    {
                        Interlocked.Increment(ref heartbeats);
                    }

                    var left = LatencyLog.ToMs(until - Stopwatch.GetTimestamp());
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(left, 0, period.TotalMilliseconds)), cancellationToken).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is WebSocketException or StationClosedException)
            {
                if (Interlocked.Increment(ref lost) == 1)
                {
                    firstLoss = $"{station.Id}: {e.Message}";
                }
            }
        }

        await Task.WhenAll(stations.Select(HeartbeatAsync)).ConfigureAwait(false);
        var server1 = SampleServer(options);
        var self1 = ProcStats.Read(Environment.ProcessId);
        var held = stations.Count(s => s.IsOpen);
        report.Add("heartbeatSeconds", options.Heartbeat);
        report.Add("heldSeconds", options.Duration);
        report.Add("stationsHeld", held);
        report.Add("heartbeatsAnswered", Interlocked.Read(ref heartbeats));
        report.Add("stationsLost", Interlocked.Read(ref lost));
        if (firstLoss is not null)
        {
            report.Add("firstLoss", firstLoss);
        }

        report.Add("serverCalls", stations.Sum(s => s.ServerCalls));
        report.Add("generatorRssBeforeKiB", self0.RssKiB);
        report.Add("generatorRssAfterKiB", self1.RssKiB);
        report.Add("generatorKiBPerStation", held > 0 ? (double)(self1.RssKiB - self0.RssKiB) / held : 0);
        if (server0 is { } s0 && server1 is { } s1)
        {
            report.Add("serverRssBeforeKiB", s0.RssKiB);
            report.Add("serverRssAfterKiB", s1.RssKiB);
            report.Add("serverKiBPerStation", held > 0 ? (double)(s1.RssKiB - s0.RssKiB) / held : 0);
            report.Add("serverThreads", s1.Threads);
        }
    }

    /// <summary>How fast stations complete connect + BootNotification.</summary>
    public static async Task BootRateAsync(BenchOptions options, Fleet fleet, Report report, CancellationToken cancellationToken)
    {
        var server0 = SampleServer(options);
        await fleet.BootAsync(options.Stations, cancellationToken).ConfigureAwait(false);
        var server1 = SampleServer(options);
        fleet.AddBootFigures(report);
        report.Add("connectConcurrency", options.ConnectConcurrency);
        if (server0 is { } s0 && server1 is { } s1 && fleet.Booted.Count > 0)
        {
            report.Add("serverCpuMsPerBoot", (s1.CpuSeconds - s0.CpuSeconds) * 1000 / fleet.Booted.Count);
        }
    }

    private static ProcStats.Sample? SampleServer(BenchOptions options) =>
        options.ServerPid is { } pid ? ProcStats.Read(pid) : null;

    private static void AddCpu(Report report, ProcStats.Sample? server0, ProcStats.Sample? server1, ProcStats.Sample self0, ProcStats.Sample self1, long calls)
    {
        if (calls == 0)
        {
            return;
        }

        if (server0 is { } s0 && server1 is { } s1)
        {
            var seconds = LatencyLog.ToMs(s1.At - s0.At) / 1000;
            report.Add("serverCpuSeconds", s1.CpuSeconds - s0.CpuSeconds);
            report.Add("serverCpuUsPerCall", (s1.CpuSeconds - s0.CpuSeconds) * 1e6 / calls);
            report.Add("serverCoresBusy", (s1.CpuSeconds - s0.CpuSeconds) / seconds);
            report.Add("serverRssKiB", s1.RssKiB);
            report.Add("serverThreads", s1.Threads);
        }

        report.Add("generatorCpuUsPerCall", (self1.CpuSeconds - self0.CpuSeconds) * 1e6 / calls);
    }
}
