using Microsoft.Extensions.Logging;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>The fleet's live view on an 80 × 24 terminal, played into a screen that wraps and scrolls as a terminal does.</summary>
public sealed class LiveViewTests
{
    private const int Columns = 80;
    private const int Rows = 24;
    private string folder = string.Empty;

    [SetUp]
    public void MakeFolder()
    {
        folder = Path.Combine(Path.GetTempPath(), "ocpplab-live-view", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
    }

    [TearDown]
    public void RemoveFolder() => Directory.Delete(folder, recursive: true);

    [Test]
    public void Redrawn_every_second_for_a_minute_on_80_columns_the_block_stays_one_block()
    {
        using var output = new StringWriter();
        var view = new LiveView(output, terminal: true, quiet: false, () => (Columns, Rows));
        var screen = new VirtualScreen(Columns, Rows);
        screen.Write("Central System (embedded): ws://127.0.0.1:8180/ocpp   dashboard: http://127.0.0.1:8180/\n");

        for (var second = 1; second <= 60; second++)
        {
            output.GetStringBuilder().Clear();
            view.Show(Status(second, started: 20 * second, charging: 7 * second, errors: second * 1000));
            screen.Write(output.ToString());
        }

        var rows = screen.Rows;
        Assert.That(rows.Count(r => r.StartsWith("OcppLab fleet", StringComparison.Ordinal)), Is.EqualTo(1), screen.ToString());
        Assert.That(rows.Count(r => r.StartsWith("charge points", StringComparison.Ordinal)), Is.EqualTo(1), screen.ToString());
        Assert.That(rows, Has.Some.StartsWith("OcppLab fleet 01:00 / 10:00"));
    }

    [Test]
    public void No_line_is_as_long_as_the_terminal_and_a_long_one_is_cut_with_an_ellipsis()
    {
        var view = new LiveView(TextWriter.Null, terminal: true, quiet: false, () => (Columns, Rows));
        var status = Status(5, started: 123_456, charging: 99_999, errors: 12_345_678) with { CentralSystem = "wss://central-system.charging-operator.example.com:8443/ocpp/v16/" };

        var lines = view.Lines(status, Columns, Rows);

        Assert.That(lines.Select(l => l.Length), Is.All.LessThan(Columns));
        Assert.That(lines[0], Does.StartWith("OcppLab fleet 00:05 / 10:00  shard 1/1  -> wss://central-system.").And.EndWith("…"));
    }

    [Test]
    public void The_block_fits_the_terminal_height_even_with_many_actions_and_errors()
    {
        var view = new LiveView(TextWriter.Null, terminal: true, quiet: false, () => (Columns, Rows));
        var actions = Enumerable.Range(1, 30).ToDictionary(i => $"Action{i:00}", _ => new ActionMetrics());
        var errors = Enumerable.Range(1, 8).ToDictionary(i => $"error kind {i}", i => (long)i);
        var status = Status(5, 10, 1, 0) with { Actions = actions, Errors = errors };

        var lines = view.Lines(status, Columns, Rows);

        Assert.That(lines, Has.Count.LessThanOrEqualTo(Rows - 1));
        Assert.That(lines, Has.Some.StartsWith("… ").And.Some.Contains("more actions"));
        Assert.That(lines, Has.Some.StartsWith("error x1: error kind 1"));
    }

    [Test]
    public void Rows_keep_the_order_in_which_their_action_first_appeared_as_counts_change()
    {
        var view = new LiveView(TextWriter.Null, terminal: true, quiet: false, () => (Columns, Rows));
        var boot = Calls(10);
        var status = Calls(5);
        var first = view.Lines(Status(1, 10, 0, 0) with { Actions = new Dictionary<string, ActionMetrics> { ["StatusNotification"] = status, ["BootNotification"] = boot } }, Columns, Rows);
        var later = view.Lines(Status(2, 10, 0, 0) with { Actions = new Dictionary<string, ActionMetrics> { ["Heartbeat"] = Calls(500), ["StatusNotification"] = Calls(80), ["BootNotification"] = boot, ["Authorize"] = Calls(3) } }, Columns, Rows);

        Assert.That(ActionRows(first), Is.EqualTo(new[] { "BootNotification", "StatusNotification" }));
        Assert.That(ActionRows(later), Is.EqualTo(new[] { "BootNotification", "StatusNotification", "Authorize", "Heartbeat" }));
    }

    [Test]
    public void A_log_entry_with_its_stack_goes_to_the_file_and_the_view_shows_one_line_of_it()
    {
        var path = Path.Combine(folder, "run.log");
        using var log = new FleetLog(path);
        using var output = new StringWriter();
        var view = new LiveView(output, terminal: true, quiet: false, () => (Columns, Rows), log);
        Exception failure;
        try
        {
            throw new InvalidOperationException("Connection id \"0HN1\", Request id \"0HN1:00000001\": An unhandled exception was thrown by the application.");
        }
        catch (InvalidOperationException e)
        {
            failure = e;
        }

        log.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").LogError(failure, "Connection id \"0HN1\": An unhandled exception was thrown by the application.");
        view.Show(Status(3, 10, 1, 0));
        var screen = new VirtualScreen(Columns, Rows);
        screen.Write(output.ToString());

        Assert.That(output.ToString(), Does.Not.Contain("   at "));
        Assert.That(screen.Rows, Has.One.StartsWith("log 1: fail Microsoft.AspNetCore.Server.Kestrel: Connection id").And.EndsWith("…"));
        Assert.That(File.ReadAllText(path), Does.Contain("InvalidOperationException").And.Contain("   at "));
    }

    [Test]
    public void Piped_it_prints_one_summary_line_every_ten_seconds()
    {
        using var output = new StringWriter();
        var view = new LiveView(output, terminal: false, quiet: false, () => null);

        for (var second = 0; second <= 25; second++)
        {
            view.Show(Status(second, 10, 1, 0));
        }

        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(3));
        Assert.That(lines[0], Does.StartWith("00:00 started 10/1000 connected 10 booted 10 charging 1"));
        Assert.That(output.ToString(), Does.Not.Contain("\u001b"));
    }

    private static IEnumerable<string> ActionRows(IReadOnlyList<string> lines) =>
        lines.SkipWhile(l => !l.StartsWith("action", StringComparison.Ordinal)).Skip(1).TakeWhile(l => !l.StartsWith("error", StringComparison.Ordinal)).Select(l => l.Split(' ')[0]);

    private static ActionMetrics Calls(int count)
    {
        var metrics = new ActionMetrics();
        for (var i = 0; i < count; i++)
        {
            metrics.Sent();
            metrics.Latency.Record(TimeSpan.FromMilliseconds(i % 7));
        }

        return metrics;
    }

    private static FleetStatus Status(int second, int started, int charging, long errors) => new(
        TimeSpan.FromSeconds(second),
        TimeSpan.FromMinutes(10),
        "1/1",
        "ws://127.0.0.1:8180/ocpp",
        1000,
        new FleetGauges(started, started, started, charging, second),
        new ThroughputSample(second, 1234.5, 1230.2, started, started, charging, errors, 95 * 1048576),
        new SessionCounters(),
        new Dictionary<string, ActionMetrics> { ["BootNotification"] = Calls(second % 50), ["Heartbeat"] = Calls((60 - second) % 50), ["StatusNotification"] = Calls(25) },
        new Dictionary<string, long> { ["connection lost"] = second },
        TimeSpan.FromSeconds(second / 2.0));
}
