using Microsoft.Extensions.DependencyInjection;
using OcppLab.ChargePoint.Transport;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.Simulator.Tests.Robustness;

/// <summary>
/// Issue 9, a fleet process killed: the simulator runs a fleet as its own process against our Central System
/// in this process, and is killed (SIGKILL) while its stations charge. The Central System must show every
/// one of them offline, keep their transactions as they were (running: no stop was ever sent), and go on
/// serving a station of another process as if nothing happened.
/// </summary>
[NonParallelizable]
public sealed class FleetProcessKillTests
{
    private const int Chargers = 15;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Test]
    [CancelAfter(180_000)]
    public async Task Killing_a_fleet_process_takes_its_stations_offline_and_leaves_the_other_stations_served(CancellationToken cancellationToken)
    {
        var fleetPlan = new FleetPlan { CentralSystem = new Uri("ws://127.0.0.1/ocpp"), Chargers = Chargers, IdPattern = "DOOMED{0:00}", IdTagPattern = "DOOMTAG{0:00}" };
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", [.. fleetPlan.AllIdTags(), "HEALTHY1"], cancellationToken);
        var registry = csms.Services.GetRequiredService<ChargePointRegistry>();
        var transactions = csms.Services.GetRequiredService<ITransactionStore>();

        // A station of this process, charging on virtual time over a real socket.
        var connector = new WebSocketConnector(new ConnectionSettings { CentralSystemUrl = csms.OcppUrl }, WebSocketFactory.Client("CP001", (string?)null, () => TimeSpan.Zero));
        await using var healthy = new ChargePointHarness(connector: connector);
        await healthy.BootAsync((Keys.MeterValueSampleInterval, "0"));
        await UntilAsync("the healthy station connected", () => healthy.ChargePoint.IsConnected, () => "", healthy);
        await healthy.StartChargingAsync(1, "HEALTHY1");
        await UntilAsync("the healthy station's transaction started", () => transactions.Active().Any(t => t.ChargePointId == "CP001"), () => "", healthy);

        var workingDirectory = Path.Combine(Path.GetTempPath(), "ocpplab-fleet-kill", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(workingDirectory);
        try
        {
            await using var fleet = ChildProcess.Start(
                "OcppLab.Simulator.dll",
                workingDirectory,
                "fleet", "--csms", csms.OcppUrl.ToString(), "--chargers", $"{Chargers}", "--ramp", "100/s", "--duration", "5m",
                "--id-pattern", fleetPlan.IdPattern, "--id-tag", fleetPlan.IdTagPattern,
                "--session-gap", "1s", "--session-length", "5m", "--quiet", "--report", Path.Combine(workingDirectory, "report"));
            var doomed = () => registry.All().Where(s => s.Id.StartsWith("DOOMED", StringComparison.Ordinal)).ToList();
            var doomedTransactions = () => transactions.All().Where(t => t.ChargePointId.StartsWith("DOOMED", StringComparison.Ordinal)).ToList();
            await UntilAsync(
                "the whole fleet connected and some of it charging",
                () => doomed().Count(s => s.IsConnected) == Chargers && doomedTransactions().Count >= 3,
                () => $"connected {doomed().Count(s => s.IsConnected)}, transactions {doomedTransactions().Count}; fleet:{Environment.NewLine}{fleet.Tail}",
                healthy);

            await fleet.KillAsync();
            await UntilAsync(
                "every station of the killed fleet offline",
                () => doomed().All(s => !s.IsConnected),
                () => $"still connected: {string.Join(", ", doomed().Where(s => s.IsConnected).Select(s => s.Id))}",
                healthy);
            var afterKill = doomedTransactions();

            // The other station carries on: it stops its transaction and starts a new one, answered as before.
            await healthy.ChargePoint.PresentIdTagAsync(1, "HEALTHY1", cancellationToken);
            healthy.ChargePoint.Unplug(1);
            await healthy.StartChargingAsync(2, "HEALTHY1");
            await UntilAsync(
                "the healthy station's second transaction",
                () => transactions.All("CP001").Count == 2 && transactions.All("CP001").Count(t => t.IsActive) == 1,
                () => string.Join("; ", transactions.All("CP001").Select(t => $"{t.TransactionId} active={t.IsActive}")),
                healthy);

            Assert.Multiple(() =>
            {
                Assert.That(healthy.ChargePoint.IsConnected, Is.True, "the healthy station lost its connection");
                Assert.That(transactions.All("CP001").Where(t => !t.IsActive).Select(t => t.StopReason), Is.EqualTo(new Reason?[] { Reason.Local }));
                Assert.That(transactions.All("CP001").Single(t => t.IsActive).StartAuthorization, Is.EqualTo(AuthorizationStatus.Accepted));
                Assert.That(doomed().Select(s => s.DisconnectedAt), Has.All.Not.Null, "an offline station shows when it went offline");
                Assert.That(afterKill, Has.Count.GreaterThanOrEqualTo(3));
                Assert.That(afterKill.Where(t => t.StartUnknown || t.DuplicateStops > 0 || t.ForeignStops > 0), Is.Empty);
                Assert.That(doomedTransactions().Select(t => (t.TransactionId, t.IsActive)), Is.EqualTo(afterKill.Select(t => (t.TransactionId, t.IsActive))), "the Central System invented or dropped a stop");
            });
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    /// <summary>Lets virtual time pass for the healthy station while waiting, in real time, for the other process's effects.</summary>
    private static async Task UntilAsync(string what, Func<bool> condition, Func<string> state, ChargePointHarness healthy)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"{what}: not reached within {Patience}. {state()}");
            }

            await healthy.AdvanceAsync(1);
            await Task.Delay(50);
        }
    }
}
