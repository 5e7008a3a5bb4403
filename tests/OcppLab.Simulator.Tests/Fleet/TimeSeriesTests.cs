using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Reports;

namespace OcppLab.Simulator.Tests.Fleet;

public sealed class TimeSeriesTests
{
    [Test]
    public void Each_window_has_the_percentiles_and_counts_of_its_own_frames_not_of_the_run_so_far()
    {
        using var metrics = new FleetMetrics();
        var series = new TimeSeriesRecorder(metrics, TimeSpan.FromSeconds(10));
        for (var n = 0; n < 100; n++)
        {
            Answer(metrics, "Authorize", TimeSpan.FromMilliseconds(2));
        }

        Call(metrics, "RemoteStartTransaction");
        var first = series.Record(10, new FleetGauges(5, 5, 5, 1, 0) { Powered = 5 }, stopping: false);
        for (var n = 0; n < 10; n++)
        {
            Answer(metrics, "Authorize", TimeSpan.FromMilliseconds(300));
        }

        var second = series.Record(20, new FleetGauges(5, 4, 4, 2, 3) { Powered = 5 }, stopping: true);

        Assert.That(first.Latency.Single().Count, Is.EqualTo(100));
        Assert.That(first.Latency.Single().P99Ms, Is.LessThan(3));
        Assert.That(first.CallsPerSecond, Is.EqualTo(10.0));
        Assert.That(first.CentralSystemCalls, Is.EqualTo(new Dictionary<string, long> { ["RemoteStartTransaction"] = 1 }));
        Assert.That(second.Latency.Single().Count, Is.EqualTo(10));
        Assert.That(second.Latency.Single().P50Ms, Is.GreaterThan(250));
        Assert.That(second.CentralSystemCalls, Is.Empty);
        Assert.That(second.Connected, Is.EqualTo(4));
        Assert.That(second.Stopping, Is.True);
    }

    [Test]
    public void The_charts_scale_to_the_steady_state_and_mark_the_start_up_and_the_stop()
    {
        var windows = Enumerable.Range(0, 30)
            .Select(i => Window(i * 10, (i + 1) * 10, callsPerSecond: i < 29 ? 4 : 520, stopping: i == 29))
            .ToList();

        var html = TimeSeriesCharts.All(windows, startupSeconds: 60);

        Assert.That(html, Does.Contain("start-up done"));
        Assert.That(html, Does.Contain("stopping"));
        Assert.That(html, Does.Contain(">5/s</text>"), "the scale's top is the steady 4/s rounded up, not the 520/s of the stop");
        Assert.That(html, Does.Contain("while stopping up to 520/s (off the scale)"));
        Assert.That(html, Does.Contain("Authorize: round trip per window"));
        Assert.That(html, Does.Contain("CALLERROR Heartbeat InternalError"));
    }

    private static TimeWindow Window(double start, double end, double callsPerSecond, bool stopping) => new(
        start,
        end,
        10,
        10,
        10,
        3,
        0,
        callsPerSecond,
        callsPerSecond,
        [new WindowLatency("Authorize", 5, 2, 4, 8)],
        new Dictionary<string, long> { ["CALLERROR Heartbeat InternalError"] = 1 },
        new Dictionary<string, long>(),
        stopping);

    private static void Call(FleetMetrics metrics, string action) =>
        metrics.OnFrame(new FrameEvent("CP1", FrameDirection.In, MessageTypeId.Call, "1", action, "[2,\"1\",\"x\",{}]"u8.ToArray(), DateTimeOffset.UnixEpoch, null));

    private static void Answer(FleetMetrics metrics, string action, TimeSpan roundTrip)
    {
        metrics.OnFrame(new FrameEvent("CP1", FrameDirection.Out, MessageTypeId.Call, "1", action, "[2,\"1\",\"x\",{}]"u8.ToArray(), DateTimeOffset.UnixEpoch, null));
        metrics.OnFrame(new FrameEvent("CP1", FrameDirection.In, MessageTypeId.CallResult, "1", action, "[3,\"1\",{}]"u8.ToArray(), DateTimeOffset.UnixEpoch, roundTrip));
    }
}
