using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Transport;
using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Integration;

/// <summary>
/// A virtual charge point against our own Central System over a real loopback socket, through a whole
/// day of sessions in virtual time: the charge point's clock runs a day in one-second steps,
/// each step waiting until the charge point is idle, so the test is deterministic in what it checks.
/// </summary>
public sealed class FullDayAgainstCentralSystemTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Test]
    public async Task A_day_of_eight_sessions_leaves_eight_complete_transactions_with_their_meter_values_in_the_Central_System()
    {
        string[] cards = ["VALID001", "VALID002", "MEMBER001", "MEMBER002"];
        await using var csms = await EmbeddedCsms.StartAsync("http://127.0.0.1:0", cards, CancellationToken.None);
        var time = new FakeTimeProvider(Midnight);
        var settings = new ConnectionSettings { CentralSystemUrl = csms.OcppUrl };
        var connector = new WebSocketConnector(settings, WebSocketFactory.Client("DAY-CP-01", (string?)null, () => TimeSpan.Zero));
        await using var chargePoint = new VirtualChargePoint("DAY-CP-01", new ChargePointTemplate(), connector, time, random: new Random(7));
        chargePoint.Configuration.Set("MeterValueSampleInterval", "300");
        chargePoint.Configuration.Set("MeterValuesSampledData", "Energy.Active.Import.Register,Power.Active.Import");

        chargePoint.PowerOn();
        await UntilAsync(() => chargePoint.Registration == RegistrationStatus.Accepted, chargePoint, time);
        for (var session = 0; session < 8; session++)
        {
            // A session every three hours: plug in, card, 90 minutes of charging, the same card, unplug.
            var connectorId = session % 2 + 1;
            var card = cards[session % cards.Length];
            await AdvanceToAsync(Midnight.AddHours(1 + 3 * session), chargePoint, time);
            chargePoint.PlugIn(connectorId);
            var authorized = await chargePoint.PresentIdTagAsync(connectorId, card).WaitAsync(Patience);
            Assert.That(authorized, Is.EqualTo(AuthorizationStatus.Accepted), $"session {session}");
            await AdvanceAsync(TimeSpan.FromMinutes(90), chargePoint, time);
            await chargePoint.PresentIdTagAsync(connectorId, card).WaitAsync(Patience);
            await AdvanceAsync(TimeSpan.FromSeconds(5), chargePoint, time);
            chargePoint.Unplug(connectorId);
        }

        await AdvanceToAsync(Midnight.AddDays(1), chargePoint, time);

        var transactions = csms.Services.GetRequiredService<ITransactionStore>().All("DAY-CP-01");
        var station = csms.Services.GetRequiredService<ChargePointRegistry>().Find("DAY-CP-01")!;
        Assert.Multiple(() =>
        {
            Assert.That(transactions, Has.Count.EqualTo(8));
            Assert.That(transactions, Has.All.Matches<TransactionRecord>(t => !t.IsActive && !t.StartUnknown && t.DuplicateStops == 0));
            Assert.That(transactions, Has.All.Matches<TransactionRecord>(t => t.StopReason == Reason.Local));
            Assert.That(transactions, Has.All.Matches<TransactionRecord>(t => t.StartAuthorization == AuthorizationStatus.Accepted));
            Assert.That(transactions, Has.All.Matches<TransactionRecord>(t => t.EnergyWh > 0));
            Assert.That(transactions, Has.All.Matches<TransactionRecord>(t => t.MeterValues.Count >= 17), "a sample every 5 minutes over 90 minutes");
            Assert.That(transactions.Select(t => t.StopTimestamp!.Value - t.StartTimestamp), Has.All.InRange(TimeSpan.FromMinutes(90), TimeSpan.FromMinutes(91)));
            Assert.That(station.LastHeartbeat, Is.Not.Null);
            Assert.That(station.Connectors[1].Status, Is.EqualTo(ChargePointStatus.Available));
        });
    }

    private static Task AdvanceToAsync(DateTimeOffset when, VirtualChargePoint chargePoint, FakeTimeProvider time) =>
        AdvanceAsync(when - time.GetUtcNow(), chargePoint, time);

    private static async Task AdvanceAsync(TimeSpan duration, VirtualChargePoint chargePoint, FakeTimeProvider time)
    {
        await chargePoint.WhenIdleAsync().WaitAsync(Patience);
        for (var left = duration; left > TimeSpan.Zero; left -= TimeSpan.FromSeconds(1))
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await chargePoint.WhenIdleAsync().WaitAsync(Patience);
        }
    }

    private static async Task UntilAsync(Func<bool> condition, VirtualChargePoint chargePoint, FakeTimeProvider time)
    {
        for (var second = 0; !condition(); second++)
        {
            Assert.That(second, Is.LessThan(120), "the charge point did not get there within two virtual minutes");
            await Task.Delay(10);
            await AdvanceAsync(TimeSpan.FromSeconds(1), chargePoint, time);
        }
    }
}
