namespace OcppLab.Conformance;

/// <summary>The suite's step definitions and hooks: every [Binding] type of this assembly, scanned once per process.</summary>
public static class ConformanceSuite
{
    public static BindingRegistry Bindings { get; } = BindingRegistry.FromAssembly(typeof(ConformanceSuite).Assembly);
}
