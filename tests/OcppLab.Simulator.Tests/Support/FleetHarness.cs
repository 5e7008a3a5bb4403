using System.Reactive.Concurrency;
using Microsoft.Extensions.Time.Testing;
using OcppLab.ChargePoint.Transport;
using OcppLab.Simulator.Fleet;

namespace OcppLab.Simulator.Tests.Support;

/// <summary>
/// A fleet connected in memory to a scripted Central System, on virtual time: the scheduler and the clock
/// advance together in one-second steps, and every step waits until every charge point is idle.
/// </summary>
internal sealed class FleetHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public FleetHarness(FleetPlan plan, Func<ScriptedCentralSystem, FakeTimeProvider, OcppLab.Simulator.Fleet.Scenarios.ICentralSystemOperator>? operatorFor = null, HttpMessageHandler? fileTransfers = null)
    {
        Time = new FakeTimeProvider(ChargePointHarness.Start);
        Scheduler = new HistoricalScheduler(ChargePointHarness.Start);
        CentralSystem = new ScriptedCentralSystem(Time);
        Runner = new FleetRunner(plan, Metrics, Scheduler, Time, (_, _) => new InMemoryConnector(CentralSystem.Connect))
        {
            Operator = operatorFor?.Invoke(CentralSystem, Time),
            FileTransfers = fileTransfers,
        };
    }

    public FakeTimeProvider Time { get; }

    public HistoricalScheduler Scheduler { get; }

    public ScriptedCentralSystem CentralSystem { get; }

    public FleetMetrics Metrics { get; } = new();

    public FleetRunner Runner { get; }

    /// <summary>Powers the fleet on and lets <paramref name="seconds"/> pass.</summary>
    public async Task StartAsync(int seconds)
    {
        Runner.Start();
        await AdvanceAsync(seconds);
    }

    /// <summary>Lets <paramref name="seconds"/> of virtual time pass, one second at a time.</summary>
    public async Task AdvanceAsync(int seconds)
    {
        Scheduler.AdvanceBy(TimeSpan.Zero);
        await SettleAsync();
        for (var s = 0; s < seconds; s++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            Scheduler.AdvanceBy(TimeSpan.FromSeconds(1));
            await SettleAsync();
        }
    }

    /// <summary>Ends the run as the fleet does (sessions stopped, StopTransactions delivered), letting virtual time pass meanwhile.</summary>
    public async Task StopAsync()
    {
        var stop = Runner.StopAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        for (var s = 0; s < 60 && !stop.IsCompleted; s++)
        {
            await AdvanceAsync(1);
        }

        await stop.WaitAsync(Patience);
    }

    /// <summary>Calls the charge point last connected and waits for the consequences.</summary>
    public async Task<TResponse> CallAsync<TResponse>(OcppLab.Protocol.Messages.IOcppRequest<TResponse> request)
        where TResponse : class, OcppLab.Protocol.Messages.IOcppResponse
    {
        var response = await CentralSystem.CallAsync(request).WaitAsync(Patience);
        await SettleAsync();
        return response;
    }

    public async Task SettleAsync()
    {
        foreach (var chargePoint in Runner.ChargePoints)
        {
            await chargePoint.WhenIdleAsync().WaitAsync(Patience);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Runner.DisposeAsync();
        Metrics.Dispose();
    }
}
