using System.Diagnostics;
using System.Net;
using System.Net.WebSockets;

namespace OcppLab.Bench;

/// <summary>The stations of one generator process: connects and boots them, and closes them at the end.</summary>
internal sealed class Fleet : IDisposable
{
    // One handler for every connection: the default ClientWebSocket path builds a handler (and its pool) per socket.
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(15),
        AutomaticDecompression = DecompressionMethods.None,
    });

    private readonly BenchOptions options;
    private Station?[] slots = [];

    public Fleet(BenchOptions options) => this.options = options;

    public IReadOnlyList<Station> Booted { get; private set; } = [];

    public LatencyLog ConnectTimes { get; private set; } = new(1);

    public LatencyLog BootTimes { get; private set; } = new(1);

    public int Failures => failures;

    public string? FirstFailure { get; private set; }

    public double BootSeconds { get; private set; }

    private int failures;
    private int booted;

    /// <summary>Connects and boots <paramref name="count"/> stations, <see cref="BenchOptions.ConnectConcurrency"/> at a time.</summary>
    public async Task BootAsync(int count, CancellationToken cancellationToken)
    {
        slots = new Station?[count];
        ConnectTimes = new LatencyLog(count);
        BootTimes = new LatencyLog(count);
        var started = Stopwatch.GetTimestamp();
        using var progress = new Timer(_ => Console.Error.WriteLine($"  booted {Volatile.Read(ref booted)}/{count}, failed {Volatile.Read(ref failures)}"), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var station = new Station($"{options.IdPrefix}-{i + 1:D6}");
                try
                {
                    var t0 = Stopwatch.GetTimestamp();
                    await station.ConnectAsync(options.Url, invoker, token).ConfigureAwait(false);
                    var t1 = Stopwatch.GetTimestamp();
                    var outcome = await station.CallAsync(CallKind.BootNotification, token).ConfigureAwait(false);
                    var t2 = Stopwatch.GetTimestamp();
                    if (outcome != CallOutcome.Ok)
                    {
                        Fail(station, $"BootNotification answered {outcome}");
                        return;
                    }

                    ConnectTimes.Record(t1 - t0);
                    BootTimes.Record(t2 - t1);
                    slots[i] = station;
                    Interlocked.Increment(ref booted);
                }
                catch (Exception e) when (e is WebSocketException or HttpRequestException or StationClosedException or IOException)
                {
                    Fail(station, e.GetBaseException().Message);
                }
                catch (OperationCanceledException e) when (!token.IsCancellationRequested)
                {
                    Fail(station, "timed out: " + e.GetBaseException().Message);
                }
            }).ConfigureAwait(false);
        BootSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        Booted = [.. slots.OfType<Station>()];
    }

    /// <summary>Closes every connection, a few hundred at a time, within a bounded time.</summary>
    public async Task CloseAllAsync()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await Parallel.ForEachAsync(
                slots.OfType<Station>(),
                new ParallelOptions { MaxDegreeOfParallelism = 256, CancellationToken = deadline.Token },
                async (station, _) => await station.CloseAsync().ConfigureAwait(false)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("  closing took longer than 20 s; the rest are dropped with the process");
        }
    }

    public void AddBootFigures(Report report)
    {
        report.Add("stationsBooted", Booted.Count);
        report.Add("bootFailures", Failures);
        report.Add("bootSeconds", BootSeconds);
        report.Add("bootedPerSecond", BootSeconds > 0 ? Booted.Count / BootSeconds : 0);
        report.Add("connect", ConnectTimes.Summarize());
        report.Add("bootCall", BootTimes.Summarize());
        if (FirstFailure is not null)
        {
            report.Add("firstBootFailure", FirstFailure);
        }
    }

    public void Dispose()
    {
        foreach (var station in slots.OfType<Station>())
        {
            station.Dispose();
        }

        invoker.Dispose();
    }

    private void Fail(Station station, string why)
    {
        if (Interlocked.Increment(ref failures) == 1)
        {
            FirstFailure = $"{station.Id}: {why}";
        }

        station.Dispose();
    }
}
