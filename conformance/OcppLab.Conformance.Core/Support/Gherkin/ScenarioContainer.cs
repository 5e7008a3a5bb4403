using System.Reflection;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// Reqnroll-style context injection: one instance of each type per scenario, built through its
/// constructor's parameters, disposed when the scenario ends. Binding classes come from here too, so two
/// binding classes that take the same driver share it within a scenario and never across scenarios.
/// </summary>
public sealed class ScenarioContainer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, object> _instances = [];
    private readonly Dictionary<Type, Type> _implementations = [];
    private readonly List<object> _owned = [];
    private readonly List<Type> _resolving = [];
    private bool _disposed;

    public ScenarioContainer()
    {
        // Hooks may take the container to register what later bindings will ask for.
        _instances[typeof(ScenarioContainer)] = this;
    }

    /// <summary>Uses <paramref name="instance"/> for <typeparamref name="T"/>; disposed at the end only if asked.</summary>
    public void RegisterInstance<T>(T instance, bool dispose = false)
        where T : class
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _instances[typeof(T)] = instance;
            if (dispose)
            {
                _owned.Add(instance);
            }
        }
    }

    /// <summary>Builds <typeparamref name="TImplementation"/> when <typeparamref name="TService"/> is asked for.</summary>
    public void RegisterType<TService, TImplementation>()
        where TService : class
        where TImplementation : class, TService
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _implementations[typeof(TService)] = typeof(TImplementation);
        }
    }

    public T Resolve<T>()
        where T : class => (T)Resolve(typeof(T));

    /// <exception cref="InvalidOperationException">The type cannot be built: no public constructor, an unregistered interface, a cycle.</exception>
    public object Resolve(Type type)
    {
        // The lock is re-entrant, which the recursion through constructor parameters relies on.
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_instances.TryGetValue(type, out var existing))
            {
                return existing;
            }

            if (_resolving.Contains(type))
            {
                var cycle = string.Join(" -> ", _resolving.SkipWhile(t => t != type).Append(type).Select(t => t.Name));
                throw new InvalidOperationException($"Circular constructor dependency: {cycle}.");
            }

            _resolving.Add(type);
            try
            {
                var instance = _implementations.TryGetValue(type, out var implementation)
                    ? Resolve(implementation)
                    : Create(type);
                _instances[type] = instance;
                return instance;
            }
            finally
            {
                _resolving.RemoveAt(_resolving.Count - 1);
            }
        }
    }

    /// <summary>Disposes what the container built (and instances registered with dispose), newest first.</summary>
    public async ValueTask DisposeAsync()
    {
        List<object> owned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            owned = [.. _owned];
            _owned.Clear();
            _instances.Clear();
        }

        var errors = new List<Exception>();
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            try
            {
                switch (owned[i])
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync();
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // One failing Dispose must not leave the others (sockets, hosts) running.
                errors.Add(ex);
            }
        }

        if (errors.Count > 0)
        {
            throw new AggregateException("Disposing the scenario's objects failed.", errors);
        }
    }

    private object Create(Type type)
    {
        if (type.IsInterface || type.IsAbstract || type.IsPrimitive || type == typeof(string) || type.IsValueType)
        {
            // _resolving ends with the type itself; what comes before it is who asked for it.
            var neededBy = _resolving.Count > 1
                ? $" (needed by {string.Join(" -> ", _resolving.SkipLast(1).Select(t => t.Name))})"
                : string.Empty;
            throw new InvalidOperationException(
                $"Cannot build {type.Name}{neededBy}: register it first with ScenarioContainer.RegisterInstance " +
                "or RegisterType, e.g. in a [BeforeScenario] hook.");
        }

        // The widest public constructor, as Reqnroll's container picks it.
        var constructor = type.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"Cannot build {type.Name} for this scenario: it has no public constructor.");
        var arguments = constructor.GetParameters().Select(p => Resolve(p.ParameterType)).ToArray();
        var instance = constructor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        if (instance is IDisposable or IAsyncDisposable)
        {
            _owned.Add(instance);
        }

        return instance;
    }
}
