namespace OcppLab.Conformance.RunnerTests;

public sealed class ContextInjectionTests
{
    private const string TwoBindingClasses =
        """
        @TC_001_CSMS @Core
        Feature: Injection
          Scenario: Cold boot
            Given the first binding sees the driver
            Then the second binding sees the driver
        """;

    [Test]
    public async Task Binding_classes_share_the_objects_they_take_within_a_scenario()
    {
        var journal = new Journal();

        var run = await Sample.RunAsync(TwoBindingClasses, journal, typeof(FirstBindings), typeof(SecondBindings));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.Result.Outcome, Is.EqualTo(ScenarioOutcome.Passed), run.Result.FailureMessage);
            Assert.That(journal.Entries.Where(e => e.StartsWith("driver", StringComparison.Ordinal)).Distinct().Count(), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Each_scenario_gets_new_instances()
    {
        var journal = new Journal();
        var runner = new ScenarioRunner(
            BindingRegistry.FromTypes(typeof(FirstBindings), typeof(SecondBindings)),
            configure: c => c.RegisterInstance(journal));
        var scenario = Sample.Scenario(TwoBindingClasses);

        await runner.RunAsync(scenario, TextWriter.Null);
        await runner.RunAsync(scenario, TextWriter.Null);

        var drivers = journal.Entries.Where(e => e.StartsWith("driver", StringComparison.Ordinal)).Distinct();
        Assert.That(drivers.Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task Objects_built_for_a_scenario_are_disposed_at_its_end_newest_first()
    {
        var journal = new Journal();

        await Sample.RunAsync(TwoBindingClasses, journal, typeof(FirstBindings), typeof(SecondBindings));

        // FirstBindings is built first and takes the driver, so the driver is older than FirstBindings;
        // SecondBindings is built for the second step, after both.
        Assert.That(journal.Entries.Where(e => e.StartsWith("disposed", StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            "disposed SecondBindings", "disposed FirstBindings", "disposed async driver",
        }));
    }

    [Test]
    public async Task Objects_are_disposed_also_when_the_scenario_fails()
    {
        var journal = new Journal();

        await Sample.RunAsync(
            """
            Feature: Injection
              Scenario: fails
                Given the first binding sees the driver
                When the first binding fails
            """,
            journal,
            typeof(FirstBindings));

        Assert.That(journal.Entries, Does.Contain("disposed async driver"));
    }

    [Test]
    public async Task The_scenario_context_tells_the_title_id_tags_and_current_step()
    {
        var journal = new Journal();

        await Sample.RunAsync(TwoBindingClasses, journal, typeof(FirstBindings), typeof(SecondBindings));

        Assert.That(journal.Entries, Does.Contain("TC_001_CSMS|Cold boot|TC_001_CSMS,Core|Then the second binding sees the driver"));
    }

    [Test]
    public void Interfaces_must_be_registered_and_the_message_says_who_needs_them()
    {
        var container = new ScenarioContainer();

        Assert.That(
            () => container.Resolve<NeedsAnInterface>(),
            Throws.InvalidOperationException.With.Message.StartsWith("Cannot build IServiceProvider (needed by NeedsAnInterface)"));
    }

    [Test]
    public void A_registered_type_serves_its_interface()
    {
        var container = new ScenarioContainer();
        container.RegisterType<IClock, FixedClock>();

        Assert.That(container.Resolve<IClock>(), Is.SameAs(container.Resolve<FixedClock>()));
    }

    [Test]
    public void A_constructor_cycle_is_named()
    {
        var container = new ScenarioContainer();

        Assert.That(
            () => container.Resolve<ChickenDriver>(),
            Throws.InvalidOperationException.With.Message.EqualTo("Circular constructor dependency: ChickenDriver -> EggDriver -> ChickenDriver."));
    }

    [Test]
    public async Task Registered_instances_are_not_disposed_unless_asked()
    {
        var journal = new Journal();
        var kept = new NamedDisposable(journal, "kept");
        var owned = new NamedDisposable(journal, "owned");
        var container = new ScenarioContainer();
        container.RegisterInstance(kept);
        container.RegisterInstance<object>(owned, dispose: true);

        await container.DisposeAsync();

        Assert.That(journal.Entries, Is.EqualTo(new[] { "disposed owned" }));
    }

    [Test]
    public void One_failing_Dispose_does_not_stop_the_others()
    {
        var journal = new Journal();
        var container = new ScenarioContainer();
        container.RegisterInstance(journal);
        container.Resolve<SyncDriver>();
        container.Resolve<BrokenDriver>();

        Assert.That(async () => await container.DisposeAsync(), Throws.TypeOf<AggregateException>());
        Assert.That(journal.Entries, Is.EqualTo(new[] { "disposed sync" }));
    }

    private interface IClock;

    private sealed class FixedClock : IClock;

    private sealed class NeedsAnInterface(IServiceProvider services)
    {
        public IServiceProvider Services { get; } = services;
    }

    private sealed class ChickenDriver(EggDriver egg)
    {
        public EggDriver Egg { get; } = egg;
    }

    private sealed class EggDriver(ChickenDriver chicken)
    {
        public ChickenDriver Chicken { get; } = chicken;
    }

    private sealed class AsyncDriver(Journal journal) : IAsyncDisposable
    {
        public string Id { get; } = "driver " + Guid.NewGuid().ToString("N");

        public async ValueTask DisposeAsync()
        {
            await Task.Yield();
            journal.Add("disposed async driver");
        }
    }

    private sealed class SyncDriver(Journal journal) : IDisposable
    {
        public void Dispose() => journal.Add("disposed sync");
    }

    private sealed class NamedDisposable(Journal journal, string name) : IDisposable
    {
        public void Dispose() => journal.Add($"disposed {name}");
    }

    private sealed class BrokenDriver : IDisposable
    {
        public void Dispose() => throw new InvalidOperationException("socket already gone");
    }

    [Binding]
    private sealed class FirstBindings(AsyncDriver driver, Journal journal) : IDisposable
    {
        [Given("the first binding sees the driver")]
        public void GivenFirstSeesTheDriver() => journal.Add(driver.Id);

        [When("the first binding fails")]
        public static void WhenFails() => throw new InvalidOperationException("fails");

        public void Dispose() => journal.Add("disposed FirstBindings");
    }

    [Binding]
    private sealed class SecondBindings(AsyncDriver driver, Journal journal, ScenarioContext context) : IDisposable
    {
        [Then("the second binding sees the driver")]
        public void ThenSecondSeesTheDriver()
        {
            journal.Add(driver.Id);
            journal.Add($"{context.TestCaseId}|{context.Title}|{string.Join(',', context.Tags)}|{context.CurrentStep}");
        }

        public void Dispose() => journal.Add("disposed SecondBindings");
    }
}
