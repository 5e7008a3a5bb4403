using Gherkin;
using Gherkin.CucumberMessages;
using Gherkin.CucumberMessages.Pickles;
using Messages = Io.Cucumber.Messages.Types;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// Turns feature text into runnable scenarios with Cucumber's own pickle compiler, so that outline
/// expansion, Background steps, tag inheritance and And/But kinds follow the Gherkin reference exactly.
/// </summary>
public static class FeatureParser
{
    /// <exception cref="InvalidDataException">The text is not valid Gherkin; the message names the file and line.</exception>
    public static IReadOnlyList<ScenarioDefinition> Parse(string text, string featureFile)
    {
        global::Gherkin.Ast.GherkinDocument ast;
        try
        {
            ast = new Parser().Parse(new StringReader(text));
        }
        catch (ParserException ex)
        {
            // Each error already starts with "(line:column)"; prefixing the file makes them clickable in most terminals.
            var errors = ex is CompositeParserException composite ? composite.Errors : [ex];
            throw new InvalidDataException(string.Join(Environment.NewLine, errors.Select(e => $"{featureFile}: {e.Message}")), ex);
        }

        if (ast.Feature is null)
        {
            return [];
        }

        var ids = new IncrementingIdGenerator();
        var document = new AstMessagesConverter(ids).ConvertGherkinDocumentToEventArgs(ast, featureFile);
        var nodes = NodeIndex.Of(document.Feature);
        return [.. new PickleCompiler(ids).Compile(document).Select(p => ToScenario(p, document.Feature, nodes, featureFile))];
    }

    private static ScenarioDefinition ToScenario(
        Messages.Pickle pickle, Messages.Feature feature, NodeIndex nodes, string featureFile)
    {
        // An outline pickle points at [scenario, examples row]; a plain one at [scenario] only.
        var row = pickle.AstNodeIds.Count > 1 ? nodes.Rows[pickle.AstNodeIds[^1]] : null;
        var tags = pickle.Tags.Select(t => t.Name.TrimStart('@')).ToList();

        var steps = new List<ScenarioStep>(pickle.Steps.Count);
        StepKind? previous = null;
        foreach (var pickleStep in pickle.Steps)
        {
            var source = nodes.Steps[pickleStep.AstNodeIds[0]];
            var kind = pickleStep.Type switch
            {
                Messages.PickleStepType.CONTEXT => StepKind.Given,
                Messages.PickleStepType.ACTION => StepKind.When,
                Messages.PickleStepType.OUTCOME => StepKind.Then,
                // '*' has no kind of its own; Reqnroll reads it as And, and as Given when it comes first.
                _ => previous ?? StepKind.Given,
            };
            previous = kind;
            steps.Add(new ScenarioStep(
                source.Keyword.Trim(),
                kind,
                pickleStep.Text,
                (int)source.Location.Line,
                row is null ? null : (int)row.Location.Line,
                pickleStep.Argument?.DataTable is { } table ? ToDataTable(table) : null,
                pickleStep.Argument?.DocString?.Content));
        }

        return new ScenarioDefinition(
            featureFile,
            feature.Name,
            pickle.Name,
            // The most specific TC_ tag wins: a scenario's own id over one inherited from the feature.
            tags.LastOrDefault(t => t.StartsWith("TC_", StringComparison.Ordinal)),
            tags,
            row is null ? [] : [.. row.Cells.Select(c => c.Value)],
            (int)(pickle.Location?.Line ?? 0),
            steps);
    }

    private static DataTable ToDataTable(Messages.PickleTable table) =>
        new([.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Cells.Select(c => c.Value)])]);

    /// <summary>Pickles refer to their source by node id; this maps ids back to steps and example rows.</summary>
    private sealed class NodeIndex
    {
        public Dictionary<string, Messages.Step> Steps { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Messages.TableRow> Rows { get; } = new(StringComparer.Ordinal);

        public static NodeIndex Of(Messages.Feature feature)
        {
            var index = new NodeIndex();
            foreach (var child in feature.Children)
            {
                index.Add(child.Background);
                index.Add(child.Scenario);
                foreach (var ruleChild in child.Rule?.Children ?? [])
                {
                    index.Add(ruleChild.Background);
                    index.Add(ruleChild.Scenario);
                }
            }

            return index;
        }

        private void Add(Messages.Background? background)
        {
            foreach (var step in background?.Steps ?? [])
            {
                Steps[step.Id] = step;
            }
        }

        private void Add(Messages.Scenario? scenario)
        {
            if (scenario is null)
            {
                return;
            }

            foreach (var step in scenario.Steps)
            {
                Steps[step.Id] = step;
            }

            foreach (var row in scenario.Examples.SelectMany(e => e.TableBody))
            {
                Rows[row.Id] = row;
            }
        }
    }
}
