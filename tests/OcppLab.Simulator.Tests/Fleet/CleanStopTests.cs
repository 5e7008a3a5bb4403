using System.Reactive.Concurrency;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>The end of a run over real loopback WebSockets, against a Central System that records how each connection ended.</summary>
public sealed class CleanStopTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task At_the_end_every_session_is_stopped_and_every_connection_closes_with_a_normal_close_handshake(CancellationToken cancellationToken)
    {
        await using var csms = await CloseRecordingCentralSystem.StartAsync();
        var plan = new FleetPlan
        {
            CentralSystem = csms.OcppUrl,
            Chargers = 12,
            RampPerSecond = 200,
            Template = new ChargePointTemplate { NumberOfConnectors = 1 },
            Sessions = new SessionProfile { MeanGap = TimeSpan.FromMilliseconds(100), MeanLength = TimeSpan.FromSeconds(30) },
        };
        using var metrics = new FleetMetrics();
        var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(10)));
        runner.Start();
        while (runner.Sessions.Started < 6)
        {
            await Task.Delay(50, cancellationToken);
        }

        await runner.StopAsync(TimeSpan.FromSeconds(15), cancellationToken);
        await runner.CloseAsync();
        await runner.DisposeAsync();

        Assert.That(csms.Endings, Has.Count.EqualTo(12));
        Assert.That(csms.Endings, Has.All.EqualTo("NormalClosure"));
        Assert.That(runner.ClosedWithHandshake, Is.EqualTo(12));
        Assert.That(runner.ClosesAbandoned, Is.Zero);
        Assert.That(csms.Actions.Count(a => a == "StopTransaction"), Is.EqualTo(csms.Actions.Count(a => a == "StartTransaction")));
        Assert.That(metrics.Errors, Is.Empty);
    }
}
