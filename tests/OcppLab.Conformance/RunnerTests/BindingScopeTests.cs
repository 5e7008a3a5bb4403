namespace OcppLab.Conformance.RunnerTests;

public sealed class BindingScopeTests
{
    [Test]
    public void The_conformance_suite_does_not_see_the_runner_tests_bindings()
    {
        var types = ConformanceFeatures.ConformanceBindings.Steps.Select(s => s.BindingType)
            .Concat(ConformanceFeatures.ConformanceBindings.Hooks.Select(h => h.BindingType));

        Assert.That(types.Select(t => t.Namespace), Has.None.StartsWith(ConformanceFeatures.RunnerTestsNamespace));
    }

    [Test]
    public void A_registry_from_types_holds_exactly_those_types()
    {
        var registry = BindingRegistry.FromTypes(typeof(OnlyBindings));

        Assert.That(registry.Steps.Select(s => s.Method.Name), Is.EqualTo(new[] { nameof(OnlyBindings.GivenOnly) }));
    }

    [Test]
    public void A_type_is_scanned_once_and_its_bindings_are_shared_between_registries()
    {
        var first = BindingRegistry.FromTypes(typeof(OnlyBindings));
        var second = BindingRegistry.FromTypes(typeof(OnlyBindings));

        Assert.That(second.Steps.Single(), Is.SameAs(first.Steps.Single()));
    }

    [Test]
    public void Assembly_discovery_takes_Binding_types_that_the_filter_accepts()
    {
        var registry = BindingRegistry.FromAssembly(typeof(OnlyBindings).Assembly, t => t == typeof(OnlyBindings));

        Assert.That(registry.Steps.Select(s => s.BindingType), Is.EqualTo(new[] { typeof(OnlyBindings) }));
    }

    [Test]
    public void An_invalid_pattern_is_a_binding_error_not_a_crash()
    {
        var registry = BindingRegistry.FromTypes(typeof(BadPatternBindings));

        Assert.That(registry.Errors.Single(), Does.StartWith("BadPatternBindings.GivenBad: the pattern \"(unclosed\" is not a valid regular expression"));
    }

    [Binding]
    private sealed class OnlyBindings
    {
        [Given("only")]
        public static void GivenOnly()
        {
        }
    }

    [Binding]
    private sealed class BadPatternBindings
    {
        [Given("(unclosed")]
        public static void GivenBad()
        {
        }
    }
}
