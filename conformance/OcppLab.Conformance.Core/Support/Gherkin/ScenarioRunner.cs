using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// Runs one scenario: before hooks, steps, after hooks (always), disposal of the scenario's objects.
/// Never throws for a scenario's own failure; the result says what happened, and the host (the NUnit test
/// project, the ocpplab tool) turns it into its own outcome.
/// </summary>
/// <param name="bindings">The step definitions and hooks to use.</param>
/// <param name="results">Where each result is recorded, if anywhere.</param>
/// <param name="configure">Registers shared objects in each new scenario container before the hooks run.</param>
/// <param name="hostOutcome">
/// The outcome a host's own exception stands for (NUnit's Assert.Ignore inside a step, say), or null for any
/// other exception; the runner's <see cref="Assertions"/> are always understood.
/// </param>
public sealed class ScenarioRunner(
    BindingRegistry bindings,
    ScenarioResultCollector? results = null,
    Action<ScenarioContainer>? configure = null,
    Func<Exception, ScenarioOutcome?>? hostOutcome = null)
{
    /// <summary>A failure message keeps the newest lines; a long soak scenario would otherwise bury the error.</summary>
    public const int MaxDiagnosticLines = 500;

    /// <param name="output">Step-by-step progress; none when null.</param>
    public async Task<ScenarioResult> RunAsync(ScenarioDefinition scenario, TextWriter? output = null)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        var context = new ScenarioContext(scenario);
        var run = new Run(context, output ?? TextWriter.Null);
        var container = new ScenarioContainer();
        container.RegisterInstance(context);

        try
        {
            configure?.Invoke(container);
        }
        catch (Exception ex)
        {
            run.Stop(ScenarioOutcome.Failed, $"Configuring the scenario container failed:{Environment.NewLine}{FailureMessages.Describe(ex)}", ex);
        }

        if (bindings.Errors.Count > 0)
        {
            run.Stop(ScenarioOutcome.Failed, $"The bindings have errors:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", bindings.Errors)}", null);
        }

        await RunHooksAsync(HookKind.BeforeScenario, run, container);
        foreach (var step in scenario.Steps)
        {
            await RunStepAsync(step, run, container);
        }

        context.CurrentStep = null;
        await RunHooksAsync(HookKind.AfterScenario, run, container);
        try
        {
            await container.DisposeAsync();
        }
        catch (Exception ex)
        {
            run.Stop(ScenarioOutcome.Failed, $"Disposing the scenario's objects failed:{Environment.NewLine}{FailureMessages.Describe(ex)}", ex);
        }

        var result = new ScenarioResult(
            scenario.Name,
            scenario.TestCaseId,
            scenario.Title,
            scenario.FeatureFile,
            scenario.Tags,
            run.Outcome,
            startedAt,
            Stopwatch.GetElapsedTime(started),
            run.Message(),
            run.Steps,
            context.Warnings);
        results?.Add(result);
        return result;
    }

    private async Task RunHooksAsync(HookKind kind, Run run, ScenarioContainer container)
    {
        foreach (var hook in bindings.Hooks.Where(h => h.Kind == kind && h.AppliesTo(run.Context.Scenario)))
        {
            // After a failed before hook the scenario is over, but every after hook still gets its turn.
            if (kind == HookKind.BeforeScenario && run.Stopped)
            {
                return;
            }

            try
            {
                var target = hook.Method.IsStatic ? null : container.Resolve(hook.BindingType);
                var arguments = hook.Method.GetParameters().Select(p => container.Resolve(p.ParameterType)).ToArray();
                await InvokeAsync(hook.Method, target, arguments);
            }
            catch (Exception ex)
            {
                var (outcome, _) = Classify(ex);
                run.Stop(outcome, outcome == ScenarioOutcome.Failed ? FailureMessages.HookFailed(hook, ex, IsAssertion(ex)) : ex.Message, ex);
            }
        }
    }

    private async Task RunStepAsync(ScenarioStep step, Run run, ScenarioContainer container)
    {
        run.Output.WriteLine(step);
        if (run.Stopped)
        {
            run.Output.WriteLine("-> skipped because of previous errors");
            run.Record(step, StepStatus.Skipped, TimeSpan.Zero);
            return;
        }

        run.Context.CurrentStep = step;
        var matches = bindings.Match(step.Kind, step.Text);
        if (matches.Count != 1)
        {
            var (status, message) = matches.Count == 0
                ? (StepStatus.Undefined, FailureMessages.Unbound(run.Context.Scenario, step))
                : (StepStatus.Ambiguous, FailureMessages.Ambiguous(run.Context.Scenario, step, matches));
            run.Output.WriteLine($"-> {status}");
            run.Record(step, status, TimeSpan.Zero);
            run.Stop(ScenarioOutcome.Failed, message, null);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var match = matches[0];
            var arguments = StepArgumentConverter.Arguments(match, step);
            var target = match.Binding.Method.IsStatic ? null : container.Resolve(match.Binding.BindingType);
            await InvokeAsync(match.Binding.Method, target, arguments);
            var elapsed = Stopwatch.GetElapsedTime(started);
            run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-> done. ({elapsed.TotalSeconds:0.000}s)"));
            run.Record(step, StepStatus.Passed, elapsed);
        }
        catch (Exception ex)
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var (outcome, status) = Classify(ex);
            run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-> {status}: {ex.Message} ({elapsed.TotalSeconds:0.000}s)"));
            run.Record(step, status, elapsed);
            run.Stop(
                outcome,
                outcome == ScenarioOutcome.Failed ? FailureMessages.StepFailed(run.Context.Scenario, step, ex, IsAssertion(ex)) : ex.Message,
                ex);
        }
    }

    /// <summary>The runner's and the host's result exceptions keep their meaning inside a step; anything else is a failure.</summary>
    private (ScenarioOutcome Outcome, StepStatus Status) Classify(Exception ex) => (ex switch
    {
        IgnoreException => ScenarioOutcome.Ignored,
        InconclusiveException => ScenarioOutcome.Inconclusive,
        AssertionException => ScenarioOutcome.Failed,
        _ => hostOutcome?.Invoke(ex) ?? ScenarioOutcome.Failed,
    }) switch
    {
        ScenarioOutcome.Ignored => (ScenarioOutcome.Ignored, StepStatus.Ignored),
        ScenarioOutcome.Inconclusive => (ScenarioOutcome.Inconclusive, StepStatus.Inconclusive),
        // A host's "pass now" (NUnit's Assert.Pass) ends the scenario as passed; the remaining steps do not run.
        ScenarioOutcome.Passed => (ScenarioOutcome.Passed, StepStatus.Passed),
        _ => (ScenarioOutcome.Failed, StepStatus.Failed),
    };

    /// <summary>A result exception of the runner or of the host: its message is the whole story.</summary>
    private bool IsAssertion(Exception ex) =>
        ex is AssertionException or InconclusiveException or IgnoreException || hostOutcome?.Invoke(ex) is not null;

    private static async Task InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        // DoNotWrapExceptions: the step's own exception, not a TargetInvocationException around it.
        var returned = method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        switch (returned)
        {
            case Task task:
                await task;
                break;
            case ValueTask valueTask:
                await valueTask;
                break;
        }
    }

    /// <summary>The mutable state of one run: what happened so far, and whether the remaining steps are skipped.</summary>
    private sealed class Run(ScenarioContext context, TextWriter output)
    {
        private readonly List<string> _problems = [];
        private readonly List<StepResult> _steps = [];

        public ScenarioContext Context { get; } = context;

        public TextWriter Output { get; } = output;

        public ScenarioOutcome Outcome { get; private set; } = ScenarioOutcome.Passed;

        public bool Stopped { get; private set; }

        public IReadOnlyList<StepResult> Steps => _steps;

        public void Record(ScenarioStep step, StepStatus status, TimeSpan duration) =>
            _steps.Add(new StepResult(step.Keyword, step.Text, step.Line, status, duration));

        /// <summary>
        /// The first interruption sets the outcome, except that a failure always wins: an after hook that
        /// fails an ignored scenario must not go unnoticed.
        /// </summary>
        public void Stop(ScenarioOutcome outcome, string message, Exception? error)
        {
            if (!Stopped || outcome == ScenarioOutcome.Failed)
            {
                Outcome = outcome;
            }

            Stopped = true;
            if (outcome != ScenarioOutcome.Passed)
            {
                Context.TestError ??= error;
            }

            _problems.Add(message);
        }

        public string? Message()
        {
            if (_problems.Count == 0)
            {
                return null;
            }

            var message = string.Join(Environment.NewLine + Environment.NewLine, _problems);
            var diagnostics = Context.Diagnostics;
            return Outcome == ScenarioOutcome.Failed && diagnostics.Count > 0
                ? message + Environment.NewLine + Environment.NewLine + FailureMessages.Diagnostics(diagnostics, MaxDiagnosticLines)
                : message;
        }
    }
}
