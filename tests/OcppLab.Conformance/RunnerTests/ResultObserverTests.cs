using System.Text.Json;

namespace OcppLab.Conformance.RunnerTests;

public sealed class ResultObserverTests
{
    [Test]
    public async Task Each_scenario_run_is_recorded_with_id_title_tags_outcome_duration_and_message()
    {
        var collector = new ScenarioResultCollector();
        var raised = new List<ScenarioResult>();
        collector.ScenarioFinished += (_, result) => raised.Add(result);
        var runner = new ScenarioRunner(BindingRegistry.FromTypes(typeof(ObservedBindings)), collector);

        await runner.RunAsync(
            Sample.Scenario(
                """
                @TC_010_CSMS @Core
                Feature: Observed
                  Scenario: Remote start
                    Given a step that takes a while
                    And a step that fails
                """),
            TextWriter.Null);

        var recorded = collector.Results.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(raised, Is.EqualTo(new[] { recorded }));
            Assert.That(recorded.TestCaseId, Is.EqualTo("TC_010_CSMS"));
            Assert.That(recorded.Title, Is.EqualTo("Remote start"));
            Assert.That(recorded.Name, Is.EqualTo("TC_010_CSMS Remote start"));
            Assert.That(recorded.Tags, Is.EqualTo(new[] { "TC_010_CSMS", "Core" }));
            Assert.That(recorded.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(recorded.Duration, Is.GreaterThanOrEqualTo(TimeSpan.FromMilliseconds(10)));
            Assert.That(recorded.FailureMessage, Does.Contain("no answer"));
            Assert.That(recorded.Steps.Select(s => s.Status), Is.EqualTo(new[] { StepStatus.Passed, StepStatus.Failed }));
        }
    }

    [Test]
    public async Task A_passing_scenario_has_no_message()
    {
        var result = (await Sample.RunAsync(
            "Feature: Observed\n  Scenario: passes\n    Given a step that takes a while\n",
            typeof(ObservedBindings))).Result;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Outcome, Is.EqualTo(ScenarioOutcome.Passed));
            Assert.That(result.FailureMessage, Is.Null);
        }
    }

    [Test]
    public void The_summary_writer_writes_counts_and_one_entry_per_scenario()
    {
        var path = Path.Combine(Path.GetTempPath(), $"conformance-results-{Guid.NewGuid():N}.json");
        ScenarioResult[] results =
        [
            new("TC_001_CSMS Cold boot", "TC_001_CSMS", "Cold boot", "features/csms/Core/TC_001_CSMS.feature", ["Core"],
                ScenarioOutcome.Passed, DateTimeOffset.UnixEpoch, TimeSpan.FromMilliseconds(12.5), null, []),
            new("Unbound", null, "Unbound", "features/x.feature", [],
                ScenarioOutcome.Failed, DateTimeOffset.UnixEpoch, TimeSpan.Zero, "No binding for step 'Given \"x\"'", []),
        ];

        try
        {
            ConformanceResultsWriter.Write(results, path);
            using var json = JsonDocument.Parse(File.ReadAllText(path));
            var root = json.RootElement;
            var first = root.GetProperty("scenarios")[0];

            using (Assert.EnterMultipleScope())
            {
                Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(2));
                Assert.That(root.GetProperty("passed").GetInt32(), Is.EqualTo(1));
                Assert.That(root.GetProperty("failed").GetInt32(), Is.EqualTo(1));
                Assert.That(first.GetProperty("id").GetString(), Is.EqualTo("TC_001_CSMS"));
                Assert.That(first.GetProperty("outcome").GetString(), Is.EqualTo("Passed"));
                Assert.That(first.GetProperty("durationMs").GetDouble(), Is.EqualTo(12.5));
                Assert.That(first.GetProperty("tags")[0].GetString(), Is.EqualTo("Core"));
                Assert.That(root.GetProperty("scenarios")[1].GetProperty("id").ValueKind, Is.EqualTo(JsonValueKind.Null));
                Assert.That(root.GetProperty("scenarios")[1].GetProperty("message").GetString(), Is.EqualTo("No binding for step 'Given \"x\"'"));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void The_conformance_collector_is_not_fed_by_the_runner_tests() =>
        Assert.That(ScenarioResultCollector.Conformance.Results.Select(r => r.FeatureFile), Has.None.EqualTo(Sample.FeatureFile));

    [Binding]
    private sealed class ObservedBindings
    {
        [Given("a step that takes a while")]
        public static Task GivenSlow() => Task.Delay(15);

        [Given("a step that fails")]
        public static void GivenFails() => throw new TimeoutException("no answer");
    }
}
