using System.Reactive.Concurrency;
using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Simulator.Fleet;
using OcppLab.Simulator.Fleet.Scenarios;
using OcppLab.Simulator.Tests.Support;

namespace OcppLab.Simulator.Tests.Fleet;

/// <summary>Scenarios: stage shapes, fault injections, the template mix and the session rate, on virtual time.</summary>
public sealed class ScenarioTests
{
    private static readonly ChargePointTemplate OneConnector = new() { NumberOfConnectors = 1 };

    [Test]
    public void The_short_form_powers_charge_point_n_on_at_n_over_the_ramp_rate()
    {
        var events = Scenario.Ramp(50, 10).PowerEvents(0..50, 50).ToList();

        Assert.That(events.Select(e => e.Index), Is.EqualTo(Enumerable.Range(0, 50)));
        Assert.That(events.Select(e => e.At), Is.EqualTo(Enumerable.Range(0, 50).Select(n => TimeSpan.FromSeconds(n / 10.0))));
        Assert.That(events, Has.All.Matches<PowerEvent>(e => e.On));
    }

    [Test]
    public void Ramp_up_steady_spike_and_ramp_down_switch_the_charge_points_at_the_linear_target()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(10), 10), new Stage(TimeSpan.FromSeconds(20), 10), new Stage(TimeSpan.Zero, 20), new Stage(TimeSpan.FromSeconds(10), 20), new Stage(TimeSpan.FromSeconds(10), 0)],
        };

        var events = scenario.PowerEvents(0..20, 20).ToList();

        int PoweredAt(double seconds) => events.Where(e => e.At <= TimeSpan.FromSeconds(seconds)).Sum(e => e.On ? 1 : -1);
        Assert.That(PoweredAt(4.99), Is.EqualTo(5));
        Assert.That(PoweredAt(10), Is.EqualTo(10));
        Assert.That(PoweredAt(29.9), Is.EqualTo(10));
        Assert.That(PoweredAt(30), Is.EqualTo(20), "a stage of 0 s is a step: the spike");
        Assert.That(PoweredAt(40), Is.EqualTo(20));
        Assert.That(PoweredAt(45), Is.EqualTo(10));
        Assert.That(PoweredAt(50), Is.Zero);
        Assert.That(events.Where(e => !e.On).Select(e => e.Index), Is.EqualTo(Enumerable.Range(0, 20).Reverse()), "the last powered on go first");
    }

    [Test]
    public void A_shard_gets_only_the_power_events_of_its_own_slice()
    {
        var scenario = Scenario.Ramp(100, 10);

        var whole = scenario.PowerEvents(0..100, 100).ToList();
        var shards = Enumerable.Range(1, 4).SelectMany(k => scenario.PowerEvents(new Shard(k, 4).Slice(100), 100)).ToList();

        Assert.That(shards, Is.EquivalentTo(whole));
    }

    [Test]
    public void The_session_rate_follows_the_stages_linearly()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(10), 5), new Stage(TimeSpan.FromSeconds(10), 5, SessionRate: 3), new Stage(TimeSpan.FromSeconds(10), 5, SessionRate: 3)],
        };

        Assert.That(scenario.SessionRateAt(TimeSpan.FromSeconds(5)), Is.EqualTo(1));
        Assert.That(scenario.SessionRateAt(TimeSpan.FromSeconds(15)), Is.EqualTo(2).Within(1e-9));
        Assert.That(scenario.SessionRateAt(TimeSpan.FromSeconds(25)), Is.EqualTo(3));
        Assert.That(scenario.SessionRateAt(TimeSpan.FromHours(1)), Is.EqualTo(3));
        Assert.That(scenario.MaxSessionRate, Is.EqualTo(3));
    }

    [Test]
    public void Arrivals_follow_the_session_rate_at_once_by_thinning()
    {
        static long Started(double current)
        {
            var scheduler = new HistoricalScheduler(ChargePointHarness.Start);
            var counters = new SessionCounters();
            var rate = new SessionRate(4) { Current = current };
            var profile = new SessionProfile { MeanGap = TimeSpan.FromSeconds(60), MeanLength = TimeSpan.FromSeconds(1) };
            var connectors = Enumerable.Range(1, 10)
                .Select(i => new ConnectorSessions(i, $"TAG{i}", new AcceptingDriver(), scheduler, profile, new SeededRandom(SeededRandom.Derive(9, i)), counters, rate: rate))
                .ToList();
            connectors.ForEach(c => c.Start());
            scheduler.AdvanceBy(TimeSpan.FromHours(2));
            return counters.Started;
        }

        var none = Started(0);
        var base1 = Started(1);
        var spike = Started(4);

        Assert.That(none, Is.Zero);
        Assert.That(base1, Is.EqualTo(10 * 7200 / 61).Within(10).Percent);
        Assert.That((double)spike / base1, Is.EqualTo(61.0 / 16).Within(10).Percent, "a mean gap of 60 s / 4 plus the 1 s charge");
    }

    [Test]
    public async Task A_stage_ramp_down_powers_charge_points_off_and_the_gauges_follow()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(10), 10), new Stage(TimeSpan.FromSeconds(30), 10), new Stage(TimeSpan.FromSeconds(10), 4)],
        };
        await using var h = new FleetHarness(Plan(10, scenario));
        await h.StartAsync(20);
        var steady = h.Runner.Gauges();
        await h.AdvanceAsync(40);
        var after = h.Runner.Gauges();

        Assert.That(steady.Powered, Is.EqualTo(10));
        Assert.That(steady.Booted, Is.EqualTo(10));
        Assert.That(after.Powered, Is.EqualTo(4));
        Assert.That(after.Connected, Is.EqualTo(4));
        Assert.That(h.Metrics.Errors, Is.Empty, "powering off on purpose is not a lost connection");
    }

    [Test]
    public async Task A_power_cut_of_half_the_fleet_brings_a_boot_storm_when_the_power_returns()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(1), 10), new Stage(TimeSpan.FromMinutes(3), 10)],
            Faults = [new FaultInjection(TimeSpan.FromSeconds(60), FaultKind.PowerCut, 0.5, TimeSpan.FromSeconds(30))],
        };
        await using var h = new FleetHarness(Plan(10, scenario));
        await h.StartAsync(59);
        var boots = h.CentralSystem.All<BootNotificationRequest>().Count();
        await h.AdvanceAsync(5);
        var during = h.Runner.Gauges();
        await h.AdvanceAsync(30);
        var restoredAt = h.CentralSystem.Received.Where(r => r.Action == "BootNotification").Skip(boots).Select(r => r.At).ToList();

        Assert.That(boots, Is.EqualTo(10));
        Assert.That(during.Powered, Is.EqualTo(5));
        Assert.That(during.Connected, Is.EqualTo(5));
        Assert.That(restoredAt, Has.Count.EqualTo(5));
        Assert.That(restoredAt.Distinct().Count(), Is.EqualTo(1), "they all boot in the same second: a storm");
        Assert.That(h.Runner.Gauges().Booted, Is.EqualTo(10));
        Assert.That(h.Metrics.Errors, Is.Empty);
    }

    [Test]
    public async Task A_network_drop_queues_the_transaction_messages_and_delivers_them_when_it_comes_back()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(1), 8), new Stage(TimeSpan.FromMinutes(30), 8)],
            Faults = [new FaultInjection(TimeSpan.FromMinutes(5), FaultKind.NetworkDrop, 0.5, TimeSpan.FromMinutes(10))],
        };
        var plan = Plan(8, scenario) with { Sessions = new SessionProfile { MeanGap = TimeSpan.FromSeconds(30), MeanLength = TimeSpan.FromSeconds(90) } };
        await using var h = new FleetHarness(plan);
        await h.StartAsync(5 * 60);
        var queuedMost = 0;
        var connectedDuring = int.MaxValue;
        for (var s = 0; s < 10 * 60; s += 10)
        {
            await h.AdvanceAsync(10);
            queuedMost = Math.Max(queuedMost, h.Runner.Gauges().Queued);
            connectedDuring = Math.Min(connectedDuring, h.Runner.Gauges().Connected);
        }

        await h.AdvanceAsync(120);
        await h.StopAsync();
        await h.AdvanceAsync(5);

        Assert.That(connectedDuring, Is.EqualTo(4));
        Assert.That(queuedMost, Is.GreaterThan(0), "StopTransactions queued while offline");
        Assert.That(h.Runner.Gauges().Queued, Is.Zero);
        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Count(), Is.EqualTo(h.CentralSystem.All<StartTransactionRequest>().Count()));
        Assert.That(h.Metrics.Errors, Is.Empty);
    }

    [Test]
    public async Task A_firmware_campaign_is_answered_by_every_charge_point_hit_and_counted()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(1), 10), new Stage(TimeSpan.FromMinutes(5), 10)],
            Faults = [new FaultInjection(TimeSpan.FromSeconds(30), FaultKind.FirmwareCampaign, 0.5, TimeSpan.Zero) { Firmware = new FirmwareCampaign("fw-2.0.bin", null) }],
        };
        using var files = new FirmwareFiles();
        ScriptedOperator? centralSystemOperator = null;
        await using var h = new FleetHarness(Plan(10, scenario), (cs, time) => centralSystemOperator = new ScriptedOperator(cs, time), files);
        await h.StartAsync(29);
        Assert.That(h.CentralSystem.All<FirmwareStatusNotificationRequest>(), Is.Empty);

        // The campaign falls due at 30 s and asks the operator outside the charge points' schedulers: the runner owns
        // its task, so the test awaits it, and the UpdateFirmwares are answered before virtual time runs on, as real time would.
        await h.AdvanceAsync(1);
        await h.Runner.WhenFirmwareCampaignsDoneAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await h.SettleAsync();

        for (var s = 0; s < 120 && h.CentralSystem.All<FirmwareStatusNotificationRequest>().Count(r => r.Status == FirmwareStatus.Installed) < 5; s++)
        {
            await h.AdvanceAsync(1);
        }

        var statuses = h.CentralSystem.All<FirmwareStatusNotificationRequest>().GroupBy(r => r.Status).ToDictionary(g => g.Key.ToString(), g => (long)g.Count());
        Assert.That(centralSystemOperator!.Prepared, Is.EqualTo(["fw-2.0.bin"]), "the image is uploaded once, before the UpdateFirmwares");
        Assert.That(centralSystemOperator!.Sent.Distinct().Count(), Is.EqualTo(5), "half of ten, each once");
        Assert.That(files.Downloads, Is.EqualTo(5));
        Assert.That(statuses, Is.EqualTo(new Dictionary<string, long> { ["Downloading"] = 5, ["Downloaded"] = 5, ["Installing"] = 5, ["Installed"] = 5 }));
        Assert.That(h.Metrics.Firmware.Requested, Is.EqualTo(5));
        Assert.That(h.Metrics.Firmware.NotSent, Is.Zero);
        Assert.That(h.Metrics.Firmware.Statuses, Is.EqualTo(statuses), "the fleet counts what the Central System received");
        Assert.That(h.CentralSystem.All<BootNotificationRequest>().Count(), Is.EqualTo(15), "each installed firmware reboots its charge point");
        Assert.That(h.Runner.ChargePoints.Count(cp => cp.FirmwareStatus == FirmwareStatus.Installed), Is.EqualTo(5));
        Assert.That(h.Metrics.Errors, Is.Empty, "a reboot to install is not a lost connection");
    }

    [Test]
    public async Task A_firmware_campaign_still_waiting_at_the_end_is_cut_short_and_awaited_by_the_stop()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(1), 20), new Stage(TimeSpan.FromMinutes(5), 20)],
            Faults = [new FaultInjection(TimeSpan.FromSeconds(30), FaultKind.FirmwareCampaign, 1, TimeSpan.Zero) { Firmware = new FirmwareCampaign("fw-2.0.bin", null) }],
        };
        var silent = new SilentOperator();
        await using var h = new FleetHarness(Plan(20, scenario), (_, _) => silent);
        await h.StartAsync(31);
        var campaign = h.Runner.WhenFirmwareCampaignsDoneAsync();
        Assert.That(campaign.IsCompleted, Is.False, "a Central System that does not answer holds the campaign");

        await h.StopAsync();

        Assert.That(campaign.IsCompletedSuccessfully, Is.True, "the stop awaited the campaign");
        Assert.That(silent.Cancelled, Is.EqualTo(silent.Asked), "every UpdateFirmware waiting for its answer was given up");
        Assert.That(h.Metrics.Firmware.CutShort, Is.EqualTo(20), "the charge points asked and those not asked yet, each once");
        Assert.That(h.Metrics.Firmware.Requested, Is.Zero);
        Assert.That(h.Metrics.Errors.Keys, Has.None.StartsWith("firmware campaign"));
    }

    [Test]
    public async Task A_firmware_campaign_that_fails_is_reported_in_the_errors()
    {
        var scenario = new Scenario
        {
            Stages = [new Stage(TimeSpan.FromSeconds(1), 4), new Stage(TimeSpan.FromMinutes(5), 4)],
            Faults = [new FaultInjection(TimeSpan.FromSeconds(30), FaultKind.FirmwareCampaign, 1, TimeSpan.Zero) { Firmware = new FirmwareCampaign("fw-2.0.bin", null) }],
        };
        await using var h = new FleetHarness(Plan(4, scenario));
        await h.StartAsync(31);
        await h.Runner.WhenFirmwareCampaignsDoneAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(h.Metrics.Errors, Does.ContainKey("firmware campaign: no Central System operator API"));
    }

    [Test]
    public async Task A_weighted_mix_makes_each_template_about_its_share_of_the_fleet_the_same_for_the_same_seed()
    {
        var mix = new[]
        {
            new TemplateShare("AC", 70, new ChargePointTemplate { Model = "AC", NumberOfConnectors = 2 }, new DriverProfile()),
            new TemplateShare("DC", 30, new ChargePointTemplate { Model = "DC", NumberOfConnectors = 1 }, new DriverProfile()),
        };
        var plan = Plan(200, Scenario.Ramp(200, 1000)) with { Templates = mix };
        await using var h = new FleetHarness(plan);
        await h.StartAsync(1);

        var models = h.Runner.ChargePoints.Select(cp => cp.Template.Model).ToList();
        Assert.That(models, Has.Count.EqualTo(200));
        Assert.That(models.Count(m => m == "AC"), Is.InRange(120, 160));
        Assert.That(h.Runner.ChargePoints.Where(cp => cp.Template.Model == "DC").Select(cp => cp.NumberOfConnectors), Has.All.EqualTo(1));
    }

    [TestCase("ramp-spike-rampdown.json")]
    [TestCase("boot-storm.json")]
    [TestCase("flaky-network.json")]
    [TestCase("firmware-campaign.yaml")]
    public async Task Each_example_scenario_reads_and_runs_end_to_end_scaled_down(string file)
    {
        var definition = ScenarioFile.Load(Path.Combine(RepositoryRoot(), "simulator", "scenarios", file));
        var scenario = definition.Scenario.ScaledTo(6);
        var plan = Plan(scenario.Peak, scenario) with
        {
            Templates = definition.Templates,
            Sessions = definition.Sessions ?? new SessionProfile(),
        };
        using var files = new FirmwareFiles();
        ScriptedOperator? centralSystemOperator = null;
        await using var h = new FleetHarness(plan, (cs, time) => centralSystemOperator = new ScriptedOperator(cs, time), files);
        await h.StartAsync((int)scenario.Duration.TotalSeconds);
        await h.StopAsync();
        await h.AdvanceAsync(5);

        Assert.That(definition.Thresholds, Is.Not.Empty);
        Assert.That(h.CentralSystem.All<BootNotificationRequest>().Count(), Is.GreaterThanOrEqualTo(6));
        Assert.That(h.CentralSystem.All<StartTransactionRequest>(), Is.Not.Empty);
        Assert.That(h.CentralSystem.All<StopTransactionRequest>().Count(), Is.EqualTo(h.CentralSystem.All<StartTransactionRequest>().Count()));
        Assert.That(h.Metrics.Errors, Is.Empty);
        var campaigns = scenario.Faults.Where(f => f.Kind == FaultKind.FirmwareCampaign).ToList();
        var hit = campaigns.Sum(f => (int)Math.Round(f.Fraction * 6, MidpointRounding.AwayFromZero));
        Assert.That(h.CentralSystem.All<FirmwareStatusNotificationRequest>().Count(r => r.Status == FirmwareStatus.Installed), Is.EqualTo(hit));
        Assert.That(centralSystemOperator!.Sent, Has.Count.EqualTo(hit));
    }

    [Test]
    public void A_YAML_scenario_reads_as_the_same_scenario_as_its_JSON()
    {
        const string json = """
            { "stages": [ { "duration": "30s", "target": 20 }, { "duration": "1m", "target": 20, "sessionRate": 2.5 } ],
              "faults": [ { "at": "40s", "kind": "powerCut", "fraction": 0.25, "duration": "10s" },
                          { "at": "50s", "kind": "firmwareCampaign", "fraction": 1, "location": "http://files.example/fw.bin" } ],
              "sessions": { "meanGap": "2m", "meanLength": "5m", "evDemand": 16 },
              "thresholds": [ "p99(Authorize)<500ms", "errors<0.1%" ], "seed": 7 }
            """;
        const string yaml = """
            stages:
              - { duration: 30s, target: 20 }
              - duration: 1m
                target: 20
                sessionRate: 2.5
            faults:
              - { at: 40s, kind: powerCut, fraction: 0.25, duration: 10s }
              - at: 50s
                kind: firmwareCampaign
                fraction: 1
                location: "http://files.example/fw.bin"
            sessions: { meanGap: 2m, meanLength: 5m, evDemand: 16 }
            thresholds: ["p99(Authorize)<500ms", "errors<0.1%"]
            seed: 7
            """;

        var fromJson = ScenarioFile.Parse(json, ".");
        var fromYaml = ScenarioFile.ParseYaml(yaml, ".");

        Assert.That(fromYaml.Scenario.Stages, Is.EqualTo(fromJson.Scenario.Stages));
        Assert.That(fromYaml.Scenario.Faults, Is.EqualTo(fromJson.Scenario.Faults));
        Assert.That(fromYaml.Sessions, Is.EqualTo(fromJson.Sessions));
        Assert.That(fromYaml.Thresholds, Is.EqualTo(fromJson.Thresholds));
        Assert.That(fromYaml.Seed, Is.EqualTo(7));
        Assert.That(fromYaml.Source, Is.EqualTo(yaml), "the report records the file as written");
    }

    [TestCase("stages:\n  - duration: 5s\n    target: 3\n  - duration: 5x\n    target: 3\n", "line 4: stages[1].duration: '5x' is not a duration")]
    [TestCase("stages:\n  - duration: 5s\n    target: 3\nfaults:\n  - at: 1s\n    kind: flood\n    fraction: 0.5\n", "line 6: faults[0].kind: 'flood' is not a fault")]
    [TestCase("stages:\n  - duration: 5s\n    target: three\n", "line 3: stages[0].target: '\"three\"' is not a whole number")]
    [TestCase("stages:\n  - duration: 5s\n    users: 3\n", "line 2: stages[0]: \"users\" is not known")]
    [TestCase("stages:\n  - duration: 5s\n   target: 3\n", "line 3, column 4: not valid YAML")]
    [TestCase("stages: [ { duration: 5s, target: 3 } ]\nfaults:\n  - { at: 1s, kind: powerCut, fraction: 0.5, duration: 1s, firmware: a.bin }\n", "line 3: faults[0].firmware: only a firmwareCampaign has firmware")]
    public void A_bad_YAML_scenario_names_the_line_the_place_and_what_is_allowed(string yaml, string message)
    {
        var error = Assert.Throws<ScenarioFileException>(() => ScenarioFile.ParseYaml(yaml, "."));
        Assert.That(error!.Message, Does.Contain(message));
    }

    [TestCase("""{ "stages": [ { "duration": "5x", "target": 3 } ] }""", "stages[0].duration: '5x' is not a duration")]
    [TestCase("""{ "stages": [ { "duration": "5s", "target": 3 } ], "faults": [ { "at": "1s", "kind": "flood", "fraction": 0.5, "duration": "1s" } ] }""", "faults[0].kind: 'flood' is not a fault; use powerCut, networkDrop or firmwareCampaign.")]
    [TestCase("""{ "stages": [ { "duration": "5s", "target": 0 } ] }""", "no stage has a target above 0")]
    [TestCase("""{ "stages": [ { "duration": "5s", "target": 3, "users": 9 } ] }""", "stages[0]: \"users\" is not known")]
    [TestCase("""{ "stages": [] }""", "stages: a list of at least one stage")]
    public void A_bad_scenario_file_names_the_place_and_what_is_allowed(string json, string message)
    {
        var error = Assert.Throws<ScenarioFileException>(() => ScenarioFile.Parse(json, "."));
        Assert.That(error!.Message, Does.Contain(message));
    }

    private static FleetPlan Plan(int chargers, Scenario scenario) => new()
    {
        CentralSystem = new Uri("ws://127.0.0.1/ocpp"),
        Chargers = chargers,
        Template = OneConnector,
        Scenario = scenario,
        Sessions = new SessionProfile { MeanGap = TimeSpan.FromMinutes(1), MeanLength = TimeSpan.FromMinutes(2) },
    };

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OcppLab.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new DirectoryNotFoundException("OcppLab.sln not found above the test directory.");
    }

    /// <summary>The Central System's operator in memory: the scripted Central System sends each UpdateFirmware.</summary>
    private sealed class ScriptedOperator(ScriptedCentralSystem centralSystem, TimeProvider time) : ICentralSystemOperator
    {
        public List<string> Prepared { get; } = [];

        public System.Collections.Concurrent.ConcurrentBag<string> Sent { get; } = [];

        public Task PrepareAsync(FirmwareCampaign campaign, CancellationToken cancellationToken)
        {
            Prepared.Add(campaign.File!);
            return Task.CompletedTask;
        }

        public async Task<(bool Sent, string? Problem)> UpdateFirmwareAsync(string chargePointId, FirmwareCampaign campaign, CancellationToken cancellationToken)
        {
            await centralSystem.CallAsync(chargePointId, new UpdateFirmwareRequest { Location = $"http://files.test/{campaign.File}", RetrieveDate = time.GetUtcNow() });
            Sent.Add(chargePointId);
            return (true, null);
        }
    }

    /// <summary>An operator whose Central System never answers an UpdateFirmware: each waits until it is given up.</summary>
    private sealed class SilentOperator : ICentralSystemOperator
    {
        private int asked;
        private int cancelled;

        public int Asked => Volatile.Read(ref asked);

        public int Cancelled => Volatile.Read(ref cancelled);

        public Task PrepareAsync(FirmwareCampaign campaign, CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<(bool Sent, string? Problem)> UpdateFirmwareAsync(string chargePointId, FirmwareCampaign campaign, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref asked);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            finally
            {
                Interlocked.Increment(ref cancelled);
            }

            return (true, null);
        }
    }

    /// <summary>The firmware file server in memory: every GET gets a small image.</summary>
    private sealed class FirmwareFiles : HttpMessageHandler
    {
        private int downloads;

        public int Downloads => downloads;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref downloads);
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new ByteArrayContent(new byte[1024]) });
        }
    }

    private sealed class AcceptingDriver : ISessionDriver
    {
        public bool IsReady => true;

        public Task<bool> BeginAsync(int connectorId, string idTag, decimal evDemandAmperes, CancellationToken cancellationToken) => Task.FromResult(true);

        public bool PlugIn(int connectorId, decimal evDemandAmperes) => true;

        public void Unplug(int connectorId)
        {
        }

        public Task EndAsync(int connectorId, string idTag, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
