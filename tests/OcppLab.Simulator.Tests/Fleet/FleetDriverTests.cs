using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>The fleet's virtual drivers answer the Central System, on virtual time against a scripted Central System.</summary>
public sealed class FleetDriverTests
{
    /// <summary>One charge point with one connector whose own arrivals are a year apart, so only the Central System starts sessions.</summary>
    private static FleetPlan Plan(ChargePointTemplate? template = null) => new()
    {
        CentralSystem = new Uri("ws://127.0.0.1/ocpp"),
        Chargers = 1,
        Template = template ?? new ChargePointTemplate { NumberOfConnectors = 1 },
        Sessions = new SessionProfile { MeanGap = TimeSpan.FromDays(3650), MeanLength = TimeSpan.FromHours(2) },
    };

    [Test]
    public async Task A_fleet_charge_point_answers_a_remote_start_with_a_StartTransaction_without_anyone_plugging_in()
    {
        await using var h = new FleetHarness(Plan());
        await h.StartAsync(1);
        h.CentralSystem.Clear();

        var answer = await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "REMOTE1" });
        await h.AdvanceAsync(10);

        Assert.That(answer.Status, Is.EqualTo(RemoteStartStopStatus.Accepted));
        var start = h.CentralSystem.All<StartTransactionRequest>().Single();
        Assert.That(start.IdTag, Is.EqualTo("REMOTE1"));
        Assert.That(start.ConnectorId, Is.EqualTo(1));
        Assert.That(h.CentralSystem.All<StatusNotificationRequest>().Last().Status, Is.EqualTo(ChargePointStatus.Charging));
        Assert.That(h.Runner.Sessions.RemoteStarted, Is.EqualTo(1));
        Assert.That(h.Runner.Sessions.Started, Is.EqualTo(1));
    }

    [Test]
    public async Task The_driver_plugs_in_after_the_delay_of_the_template_not_at_once()
    {
        await using var h = new FleetHarness(Plan() with { Driver = new DriverProfile { PlugInDelayMin = TimeSpan.FromSeconds(5), PlugInDelayMax = TimeSpan.FromSeconds(5) } });
        await h.StartAsync(1);

        await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "REMOTE1" });
        await h.AdvanceAsync(4);
        var before = h.CentralSystem.All<StartTransactionRequest>().Count();
        await h.AdvanceAsync(1);

        Assert.That(before, Is.Zero);
        Assert.That(h.CentralSystem.All<StartTransactionRequest>().Count(), Is.EqualTo(1));
    }

    [TestCase(RemoteCommandKind.Stop, Reason.Remote)]
    [TestCase(RemoteCommandKind.Unlock, Reason.UnlockCommand)]
    public async Task A_remote_stop_or_unlock_ends_the_session_and_the_driver_takes_the_cable_out(RemoteCommandKind kind, Reason reason)
    {
        await using var h = new FleetHarness(Plan());
        await h.StartAsync(1);
        await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "REMOTE1" });
        await h.AdvanceAsync(10);
        h.CentralSystem.Clear();

        if (kind == RemoteCommandKind.Stop)
        {
            await h.CallAsync(new RemoteStopTransactionRequest { TransactionId = 101 });
        }
        else
        {
            await h.CallAsync(new UnlockConnectorRequest { ConnectorId = 1 });
        }

        await h.AdvanceAsync(10);

        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Single().Reason, Is.EqualTo(reason));
        Assert.That(h.CentralSystem.All<StatusNotificationRequest>().Select(s => s.Status), Is.EqualTo(new[] { ChargePointStatus.Finishing, ChargePointStatus.Available }));
        Assert.That(h.Runner.Sessions.RemoteEnded, Is.EqualTo(1));
        Assert.That(h.Runner.Sessions.Completed, Is.EqualTo(1));
    }

    [Test]
    public async Task A_driver_who_arrived_by_themselves_ends_with_a_StopTransaction_that_says_Local()
    {
        var plan = Plan() with { Sessions = new SessionProfile { MeanGap = TimeSpan.FromSeconds(20), MeanLength = TimeSpan.FromSeconds(20) } };
        await using var h = new FleetHarness(plan);
        await h.StartAsync(300);

        var stops = h.CentralSystem.All<StopTransactionRequest>().ToList();
        Assert.That(stops, Is.Not.Empty);
        Assert.That(stops.Select(s => s.Reason), Has.All.EqualTo(Reason.Local));
    }

    [Test]
    public async Task A_template_may_leave_the_reason_of_a_Local_stop_out_as_the_spec_allows()
    {
        var plan = Plan(new ChargePointTemplate { NumberOfConnectors = 1, OmitLocalStopReason = true }) with
        {
            Sessions = new SessionProfile { MeanGap = TimeSpan.FromSeconds(20), MeanLength = TimeSpan.FromSeconds(20) },
        };
        await using var h = new FleetHarness(plan);
        await h.StartAsync(300);

        var stops = h.CentralSystem.All<StopTransactionRequest>().ToList();
        Assert.That(stops, Is.Not.Empty);
        Assert.That(stops.Select(s => s.Reason), Has.All.Null);
    }

    [Test]
    public async Task Drivers_that_do_not_answer_leave_a_remote_start_waiting_for_a_cable()
    {
        await using var h = new FleetHarness(Plan() with { Driver = new DriverProfile { AnswersCentralSystem = false } });
        await h.StartAsync(1);

        await h.CallAsync(new RemoteStartTransactionRequest { ConnectorId = 1, IdTag = "REMOTE1" });
        await h.AdvanceAsync(10);

        Assert.That(h.CentralSystem.All<StartTransactionRequest>(), Is.Empty);
    }
}
