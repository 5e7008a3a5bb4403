using NUnit.Framework.Internal;

namespace OcppLab.Conformance.RunnerTests;

public sealed class StepBindingTests
{
    [Test]
    public async Task And_and_But_bind_by_the_kind_of_the_step_before_them()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            Feature: Kinds
              Scenario: same text, different kinds
                Given the station is Available
                And the station is Preparing
                When the driver plugs in
                Then the station is Charging
                But the station is Faulted
            """,
            journal,
            typeof(StationBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries, Is.EqualTo(new[]
            {
                "given Available", "given Preparing", "when plugs in", "then Charging", "then Faulted",
            }));
        }
    }

    [Test]
    public async Task A_pattern_must_match_the_whole_step_text()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Anchoring
              Scenario: a longer text
                When the driver plugs in twice
            """,
            typeof(StationBindings));

        Assert.That(run.Result.Steps.Single().Status, Is.EqualTo(StepStatus.Undefined));
    }

    [Test]
    public async Task An_unbound_step_fails_naming_the_step_and_suggesting_a_binding()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Unbound
              Scenario: missing binding
                Given the station is Available
                And "CP1" has 2 connectors (type 2)
            """,
            typeof(StationBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.StartWith(
                "No binding for step 'And \"CP1\" has 2 connectors (type 2)' (features/sample.feature:4)."));
            Assert.That(run.Result.FailureMessage, Does.Contain(
                """"
                [Given(@"""([^""]*)"" has (-?\d+) connectors \(type (-?\d+)\)")]
                public void GivenHasConnectorsType(string p0, int p1, int p2)
                """"));
        }
    }

    [Test]
    public async Task The_suggested_binding_matches_the_step_it_was_suggested_for()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Snippet
              Scenario: snippet
                Given "CP1" has 2 connectors (type 2)
            """,
            typeof(SnippetBindings));

        Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
    }

    [Test]
    public async Task An_ambiguous_step_fails_naming_both_methods()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Ambiguous
              Scenario: two bindings
                When the driver plugs in
            """,
            typeof(StationBindings),
            typeof(CatchAllBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Steps.Single().Status, Is.EqualTo(StepStatus.Ambiguous));
            Assert.That(run.Result.FailureMessage, Does.StartWith(
                "Ambiguous step 'When the driver plugs in' (features/sample.feature:3) matches 2 bindings:"));
            Assert.That(run.Result.FailureMessage, Does.Contain("StationBindings.WhenPlugsIn").And.Contain("CatchAllBindings.WhenAnything"));
        }
    }

    [Test]
    public async Task A_throwing_step_fails_with_its_text_line_and_exception_and_the_rest_is_skipped()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Failure
              Scenario Outline: a step throws
                Given the station is <status>
                When the station reboots
                Then the station is Available
                And the station is Charging

                Examples:
                  | status    |
                  | Available |
            """,
            typeof(StationBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.StartWith(
                "Step 'When the station reboots' failed (features/sample.feature:4, Examples row at line 10):"));
            Assert.That(run.Result.FailureMessage, Does.Contain("System.InvalidOperationException: the station did not come back"));
            Assert.That(run.Result.FailureMessage, Does.Contain(nameof(StationBindings.WhenTheStationReboots)), "the step's own stack frame");
            Assert.That(run.Result.Steps.Select(s => s.Status), Is.EqualTo(new[]
            {
                StepStatus.Passed, StepStatus.Failed, StepStatus.Skipped, StepStatus.Skipped,
            }));
            Assert.That(run.Output, Does.Contain(
                "Then the station is Available" + Environment.NewLine + "-> skipped because of previous errors"));
        }
    }

    [Test]
    public async Task The_scenario_log_is_printed_with_the_failure()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Log
              Scenario: frames then a failure
                Given the station is Available
                When the station reboots
            """,
            typeof(StationBindings));

        Assert.That(run.Result.FailureMessage, Does.Match(
            @"Scenario log \(2 lines\):\r?\n\[\+\d+\.\d{3}s\] >> \[2,""1"",""StatusNotification"",\{\}\]\r?\n\[\+\d+\.\d{3}s\] << \[3,""1"",\{\}\]"));
    }

    [Test]
    public async Task A_failed_NUnit_assertion_in_a_step_fails_the_scenario_with_its_message()
    {
        SampleRun run;

        // NUnit records a failed assertion in the running test; isolate it so this test sees only the result.
        using (new TestExecutionContext.IsolatedContext())
        {
            run = await Sample.RunAsync(
                """
                Feature: Assertion
                  Scenario: wrong status
                    Then the station reports 2 connectors
                """,
                typeof(StationBindings));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.Contain("Expected: 3").And.Contain("But was:  2"));
            Assert.That(run.Result.FailureMessage, Does.Not.Contain("NUnit.Framework.AssertionException"));
        }
    }

    [TestCase("ignored", ScenarioOutcome.Ignored, StepStatus.Ignored)]
    [TestCase("inconclusive", ScenarioOutcome.Inconclusive, StepStatus.Inconclusive)]
    public async Task Assert_Ignore_and_Assert_Inconclusive_in_a_step_keep_their_NUnit_meaning(
        string verdict, ScenarioOutcome outcome, StepStatus status)
    {
        var run = await Sample.RunAsync(
            $"""
            Feature: Verdicts
              Scenario: not for this CSMS
                Then the case is {verdict}
                And the station is Available
            """,
            typeof(StationBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(outcome));
            Assert.That(run.Result.FailureMessage, Is.EqualTo("not supported by this CSMS"));
            Assert.That(run.Result.Steps.Select(s => s.Status), Is.EqualTo(new[] { status, StepStatus.Skipped }));
        }
    }

    [TestCase(ScenarioOutcome.Failed, typeof(AssertionException))]
    [TestCase(ScenarioOutcome.Ignored, typeof(IgnoreException))]
    [TestCase(ScenarioOutcome.Inconclusive, typeof(InconclusiveException))]
    public void A_result_is_reported_to_NUnit_as_the_matching_outcome(ScenarioOutcome outcome, Type exception)
    {
        var result = new ScenarioResult("n", null, "t", "f", [], outcome, DateTimeOffset.UnixEpoch, TimeSpan.Zero, "why", []);

        Assert.That(result.ReportToNUnit, Throws.TypeOf(exception).With.Message.EqualTo("why"));
    }

    [Test]
    public async Task Task_and_ValueTask_steps_are_awaited_before_the_next_step()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            Feature: Async
              Scenario: awaited
                When the driver waits
                And the driver waits again
                Then the station is Available
            """,
            journal,
            typeof(StationBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries, Is.EqualTo(new[] { "waited", "waited again", "then Available" }));
        }
    }

    [Test]
    public async Task A_binding_that_cannot_be_awaited_fails_every_scenario_with_a_binding_error()
    {
        var run = await Sample.RunAsync(
            """
            Feature: Async void
              Scenario: any
                Given the station is Available
            """,
            typeof(StationBindings),
            typeof(AsyncVoidBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.Contain("AsyncVoidBindings.WhenFireAndForget: async void cannot be awaited"));
        }
    }

    [Binding]
    private sealed class StationBindings(Journal journal, ScenarioContext context)
    {
        [Given("the station is (.*)")]
        public void GivenTheStationIs(string status)
        {
            journal.Add($"given {status}");
            context.Log(""">> [2,"1","StatusNotification",{}]""");
            context.Log("""<< [3,"1",{}]""");
        }

        [Then("the station is (.*)")]
        public void ThenTheStationIs(string status) => journal.Add($"then {status}");

        [When("the driver plugs in")]
        public void WhenPlugsIn() => journal.Add("when plugs in");

        [When("the station reboots")]
        public static void WhenTheStationReboots() => throw new InvalidOperationException("the station did not come back");

        [Then(@"the station reports (\d+) connectors")]
        public static void ThenTheStationReports(int count) => Assert.That(count, Is.EqualTo(3));

        [Then("the case is ignored")]
        public static void ThenIgnored() => Assert.Ignore("not supported by this CSMS");

        [Then("the case is inconclusive")]
        public static void ThenInconclusive() => Assert.Inconclusive("not supported by this CSMS");

        [When("the driver waits")]
        public async Task WhenTheDriverWaits()
        {
            await Task.Delay(20);
            journal.Add("waited");
        }

        [When("the driver waits again")]
        public async ValueTask WhenTheDriverWaitsAgain()
        {
            await Task.Yield();
            journal.Add("waited again");
        }
    }

    [Binding]
    private sealed class CatchAllBindings
    {
        [When(".*")]
        public static void WhenAnything()
        {
        }
    }

    [Binding]
    private sealed class SnippetBindings
    {
        [Given(@"""([^""]*)"" has (-?\d+) connectors \(type (-?\d+)\)")]
        public static void GivenHasConnectorsType(string p0, int p1, int p2)
        {
        }
    }

    [Binding]
    private sealed class AsyncVoidBindings
    {
        [When("fire and forget")]
        public static async void WhenFireAndForget() => await Task.Yield();
    }
}
