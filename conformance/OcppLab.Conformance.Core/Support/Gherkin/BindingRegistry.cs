using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// The step definitions and hooks of a set of [Binding] types. Reflection over a type happens once per
/// process; build a registry once (a static field) and share it across scenarios.
/// </summary>
public sealed class BindingRegistry
{
    private static readonly ConcurrentDictionary<Type, TypeBindings> ByType = new();

    private BindingRegistry(IEnumerable<Type> types)
    {
        var found = types.Distinct().Select(t => ByType.GetOrAdd(t, Scan)).ToList();
        Steps = [.. found.SelectMany(f => f.Steps)];
        Hooks = [.. found.SelectMany(f => f.Hooks)
            .OrderBy(h => h.Order)
            .ThenBy(h => h.BindingType.FullName, StringComparer.Ordinal)
            .ThenBy(h => h.Method.Name, StringComparer.Ordinal)];
        Errors = [.. found.SelectMany(f => f.Errors)];
    }

    public IReadOnlyList<StepBinding> Steps { get; }

    /// <summary>In run order: by <see cref="HookAttribute.Order"/>, then by type and method name.</summary>
    public IReadOnlyList<HookBinding> Hooks { get; }

    /// <summary>
    /// Bindings that cannot work (a bad pattern, an async void method). They fail every scenario rather
    /// than the whole assembly's discovery, so the message shows up where people look.
    /// </summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Every non-abstract [Binding] type of <paramref name="assembly"/> that <paramref name="include"/> accepts.</summary>
    public static BindingRegistry FromAssembly(Assembly assembly, Func<Type, bool>? include = null) =>
        new(assembly.GetTypes().Where(t =>
            !t.IsAbstract && t.IsDefined(typeof(BindingAttribute), inherit: false) && (include?.Invoke(t) ?? true)));

    /// <summary>Exactly these types: for tests of the runner, which must not see the suite's bindings.</summary>
    public static BindingRegistry FromTypes(params IEnumerable<Type> types) => new(types);

    /// <summary>The step definitions of the given kind whose pattern matches the whole text.</summary>
    public IReadOnlyList<StepMatch> Match(StepKind kind, string text) =>
        [.. Steps.Where(s => s.Kind == kind).Select(s => s.Match(text)).OfType<StepMatch>()];

    private static TypeBindings Scan(Type type)
    {
        var result = new TypeBindings();
        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
        {
            var stepAttributes = method.GetCustomAttributes<StepDefinitionBaseAttribute>().ToList();
            var hookAttributes = method.GetCustomAttributes<HookAttribute>().ToList();
            if (stepAttributes.Count == 0 && hookAttributes.Count == 0)
            {
                continue;
            }

            if (SignatureError(method) is { } error)
            {
                result.Errors.Add($"{type.Name}.{method.Name}: {error}");
                continue;
            }

            foreach (var attribute in stepAttributes)
            {
                try
                {
                    result.Steps.Add(new StepBinding(type, method, attribute.Kind, attribute.Pattern));
                }
                catch (ArgumentException ex)
                {
                    result.Errors.Add($"{type.Name}.{method.Name}: the pattern \"{attribute.Pattern}\" is not a valid regular expression: {ex.Message}");
                }
            }

            foreach (var attribute in hookAttributes)
            {
                var kind = attribute is BeforeScenarioAttribute ? HookKind.BeforeScenario : HookKind.AfterScenario;
                result.Hooks.Add(new HookBinding(type, method, kind, attribute.Order, attribute.Tags));
            }
        }

        return result;
    }

    private static string? SignatureError(MethodInfo method)
    {
        if (method.ReturnType == typeof(void))
        {
            // An async void method returns before its work is done and its exceptions escape the scenario.
            return method.IsDefined(typeof(AsyncStateMachineAttribute), inherit: false)
                ? "async void cannot be awaited; return Task instead."
                : null;
        }

        return typeof(Task).IsAssignableFrom(method.ReturnType) || method.ReturnType == typeof(ValueTask)
            ? null
            : $"returns {method.ReturnType.Name}; a binding returns void, Task or ValueTask.";
    }

    private sealed class TypeBindings
    {
        public List<StepBinding> Steps { get; } = [];

        public List<HookBinding> Hooks { get; } = [];

        public List<string> Errors { get; } = [];
    }
}
