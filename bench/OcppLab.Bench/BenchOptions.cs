using System.Globalization;

namespace OcppLab.Bench;

/// <summary>The command line. Every count and duration is bounded so that a run always stops by itself.</summary>
internal sealed class BenchOptions
{
    public const string Usage = """
        usage: OcppLab.Bench <saturate|open-loop|hold|boot-rate> --url ws://127.0.0.1:PORT/ocpp [options]
          --stations N             stations to connect and boot (saturate: the closed-loop concurrency)  [100]
          --duration S             measured seconds (saturate, open-loop, hold)                          [10]
          --warmup S               seconds run before measuring (saturate, open-loop; open-loop reports   [3]
                                   their latency apart as afterBootLatency)
          --rate R                 open-loop Authorize calls per second over all stations                [2000]
          --heartbeat S            hold: seconds between Heartbeats of each station                      [10]
          --connect-concurrency K  connects + BootNotifications in flight at once                        [64]
          --server-pid PID         the server process: its RSS and CPU time are read from /proc
          --label NAME             a name for the server, copied into the report
          --id-prefix P            station ids are P-000001, P-000002, ...                               [BENCH]
          --ready-file PATH        hold: written once every station is booted (for a script that samples then)
        Loopback only. Output: one JSON line on stdout; a human summary and progress on stderr.
        """;

    public const int MaxStations = 15_000;
    public const int MaxSeconds = 600;
    public const int MaxRate = 50_000;

    public required string Scenario { get; init; }

    public required Uri Url { get; init; }

    public int Stations { get; init; } = 100;

    public double Duration { get; init; } = 10;

    public double Warmup { get; init; } = 3;

    public int Rate { get; init; } = 2000;

    public double Heartbeat { get; init; } = 10;

    public int ConnectConcurrency { get; init; } = 64;

    public int? ServerPid { get; init; }

    public string Label { get; init; } = "";

    public string IdPrefix { get; init; } = "BENCH";

    public string? ReadyFile { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("saturate" or "open-loop" or "hold" or "boot-rate"))
        {
            throw new UsageException("the first argument is the scenario: saturate, open-loop, hold or boot-rate");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"'{args[i]}': expected --name value");
            }

            if (!values.TryAdd(args[i][2..], args[i + 1]))
            {
                throw new UsageException($"'{args[i]}' given more than once");
            }
        }

        string? Take(string name) => values.Remove(name, out var value) ? value : null;
        int Int(string name, int fallback, int min, int max) => Bounded(name, Take(name) is { } v ? ParseNumber(name, v) : fallback, min, max);
        double Seconds(string name, double fallback, double min) => Bounded(name, Take(name) is { } v ? ParseNumber(name, v) : fallback, min, MaxSeconds);

        var url = Take("url") ?? throw new UsageException("--url is required");
        if (!Uri.TryCreate(url.EndsWith('/') ? url : url + "/", UriKind.Absolute, out var uri) || uri.Scheme != "ws")
        {
            throw new UsageException($"--url '{url}' is not a ws:// URL");
        }

        if (!uri.IsLoopback)
        {
            throw new UsageException($"--url '{url}': the bench runs on loopback only");
        }

        var options = new BenchOptions
        {
            Scenario = args[0],
            Url = uri,
            Stations = Int("stations", 100, 1, MaxStations),
            Duration = Seconds("duration", 10, 1),
            Warmup = Seconds("warmup", 3, 0),
            Rate = Int("rate", 2000, 1, MaxRate),
            Heartbeat = Seconds("heartbeat", 10, 1),
            ConnectConcurrency = Int("connect-concurrency", 64, 1, 1000),
            ServerPid = Take("server-pid") is { } pid ? Bounded("server-pid", ParseNumber("server-pid", pid), 1, int.MaxValue) : null,
            Label = Take("label") ?? "",
            IdPrefix = Take("id-prefix") ?? "BENCH",
            ReadyFile = Take("ready-file"),
        };

        if (values.Count > 0)
        {
            throw new UsageException($"unknown argument --{values.Keys.First()}");
        }

        // Each station is one socket; leave room for the runtime's own descriptors.
        var limit = ProcStats.OpenFilesLimit();
        if (options.Stations > limit - 200)
        {
            throw new UsageException($"--stations {options.Stations} does not fit the open-files limit {limit} of this process; run several generator processes");
        }

        return options;
    }

    private static int ParseNumber(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--{name} '{value}' is not an integer");

    private static T Bounded<T>(string name, T value, T min, T max)
        where T : System.Numerics.INumber<T> =>
        value < min || value > max ? throw new UsageException($"--{name} {value} is outside {min}..{max}") : value;
}

/// <summary>A bad command line; the message names the argument.</summary>
internal sealed class UsageException(string message) : Exception(message);
