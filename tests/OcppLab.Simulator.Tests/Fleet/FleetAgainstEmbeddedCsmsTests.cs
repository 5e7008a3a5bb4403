using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using OcppLab.Csms.Transactions;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>A short real run: 20 charge points over loopback WebSockets against the Central System in this process.</summary>
public sealed class FleetAgainstEmbeddedCsmsTests
{
    [Test]
    [CancelAfter(60_000)]
    public async Task Every_session_started_ends_with_exactly_one_StopTransaction_at_the_central_system(CancellationToken cancellationToken)
    {
        var plan = new FleetPlan
        {
            CentralSystem = new Uri("ws://127.0.0.1/ocpp"),
            Chargers = 20,
            RampPerSecond = 100,
            IdPattern = "ITFLEET{0:000}",
            IdTagPattern = "ITTAG{0:000}",
            Sessions = new SessionProfile { MeanGap = TimeSpan.FromMilliseconds(300), MeanLength = TimeSpan.FromMilliseconds(600) },
        };
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", plan.AllIdTags(), cancellationToken);
        plan = plan with { CentralSystem = csms.OcppUrl };
        using var metrics = new FleetMetrics();
        var runner = new FleetRunner(plan, metrics, DefaultScheduler.Instance, TimeProvider.System, FleetRunner.WebSocketConnectors(plan, TimeSpan.FromSeconds(10)));
        await using (runner)
        {
            runner.Start();

            // Boots first (a loaded machine may take seconds to start the Central System), then sessions for 4 s.
            while (runner.Gauges().Booted < 20)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(4), cancellationToken);
            await runner.StopAsync(TimeSpan.FromSeconds(15), cancellationToken);
            var gauges = runner.Gauges();
            Assert.That(gauges.Booted, Is.EqualTo(20));
            Assert.That(gauges.Charging, Is.Zero);
            Assert.That(gauges.Queued, Is.Zero);
        }

        var transactions = csms.Services.GetRequiredService<ITransactionStore>().All()
            .Where(t => t.ChargePointId.StartsWith("ITFLEET", StringComparison.Ordinal))
            .ToList();
        TestContext.Out.WriteLine($"arrivals {runner.Sessions.Arrivals} started {runner.Sessions.Started} refused {runner.Sessions.Refused} skipped {runner.Sessions.Skipped} failed {runner.Sessions.Failed}");
        Assert.That(runner.Sessions.Started, Is.GreaterThan(5));
        Assert.That(runner.Sessions.Completed, Is.EqualTo(runner.Sessions.Started));
        Assert.That(transactions, Has.Count.EqualTo(runner.Sessions.Started));
        Assert.That(transactions.Where(t => t.IsActive), Is.Empty, "a transaction without StopTransaction");
        Assert.That(transactions.Where(t => t.DuplicateStops > 0 || t.StartUnknown), Is.Empty, "a transaction stopped twice, or stopped without a start");
        Assert.That(metrics.Actions.Keys, Is.SupersetOf(new[] { "BootNotification", "StatusNotification", "Authorize", "StartTransaction", "StopTransaction" }));
        Assert.That(metrics.Actions["StartTransaction"].Latency.Count, Is.EqualTo(transactions.Count));
        Assert.That(metrics.ConnectTime.Count, Is.EqualTo(20));
        Assert.That(metrics.BootTime.Count, Is.EqualTo(20));
        Assert.That(metrics.Errors, Is.Empty);
    }
}
