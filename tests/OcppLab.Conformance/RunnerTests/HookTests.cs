namespace OcppLab.Conformance.RunnerTests;

public sealed class HookTests
{
    [Test]
    public async Task Hooks_run_by_order_around_the_steps()
    {
        var journal = new Journal();

        await Sample.RunAsync(
            """
            Feature: Hooks
              Scenario: passes
                Given a step that passes
            """,
            journal,
            typeof(HookBindings));

        Assert.That(journal.Entries, Is.EqualTo(new[]
        {
            "before 1", "before async 5", "before default", "step", "after 1", "after async 5", "after default",
        }));
    }

    [Test]
    public async Task AfterScenario_hooks_run_after_a_failed_step()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            Feature: Hooks
              Scenario: fails
                Given a step that fails
                And a step that passes
            """,
            journal,
            typeof(HookBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(journal.Entries, Is.EqualTo(new[]
            {
                "before 1", "before async 5", "before default", "after 1", "after async 5", "after default",
            }));
        }
    }

    [Test]
    public async Task A_failed_before_hook_skips_the_steps_and_the_later_before_hooks_but_not_the_after_hooks()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            @broken-setup
            Feature: Hooks
              Scenario: setup fails
                Given a step that passes
            """,
            journal,
            typeof(HookBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
            Assert.That(run.Result.FailureMessage, Does.StartWith("BeforeScenario hook HookBindings.BrokenSetUp [BeforeScenario] failed:"));
            Assert.That(run.Result.Steps.Single().Status, Is.EqualTo(StepStatus.Skipped));
            Assert.That(journal.Entries, Is.EqualTo(new[] { "before 1", "after 1", "after async 5", "after default" }));
        }
    }

    [Test]
    public async Task An_after_hook_sees_the_error_and_its_own_failure_is_added_to_the_message()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(
            """
            @inspect-error
            Feature: Hooks
              Scenario: fails
                Given a step that fails
            """,
            journal,
            typeof(HookBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(journal.Entries, Does.Contain("saw: step failed"));
            Assert.That(run.Result.FailureMessage, Does.StartWith("Step 'Given a step that fails' failed"));
            Assert.That(run.Result.FailureMessage, Does.Contain("AfterScenario hook HookBindings.InspectError [AfterScenario] failed:"));
        }
    }

    [Test]
    public async Task A_failing_after_hook_fails_a_passing_scenario()
    {
        var run = await Sample.RunAsync(
            """
            @inspect-error
            Feature: Hooks
              Scenario: passes
                Given a step that passes
            """,
            typeof(HookBindings));

        Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Failed));
    }

    [Binding]
    private sealed class HookBindings(Journal journal)
    {
        [BeforeScenario]
        public void BeforeDefault() => journal.Add("before default");

        [BeforeScenario(Order = 5)]
        public async Task BeforeAsync()
        {
            await Task.Yield();
            journal.Add("before async 5");
        }

        [BeforeScenario(Order = 1)]
        public void BeforeFirst() => journal.Add("before 1");

        [BeforeScenario("broken-setup", Order = 2)]
        public static void BrokenSetUp() => throw new InvalidOperationException("no CSMS");

        [AfterScenario]
        public void AfterDefault() => journal.Add("after default");

        [AfterScenario(Order = 5)]
        public async ValueTask AfterAsync()
        {
            await Task.Yield();
            journal.Add("after async 5");
        }

        [AfterScenario(Order = 1)]
        public void AfterFirst() => journal.Add("after 1");

        [AfterScenario("@inspect-error")]
        public static void InspectError(ScenarioContext context, Journal log)
        {
            log.Add($"saw: {context.TestError?.Message}");
            throw new InvalidOperationException("cleanup failed");
        }

        [Given("a step that passes")]
        public void GivenPasses() => journal.Add("step");

        [Given("a step that fails")]
        public static void GivenFails() => throw new InvalidOperationException("step failed");
    }
}
