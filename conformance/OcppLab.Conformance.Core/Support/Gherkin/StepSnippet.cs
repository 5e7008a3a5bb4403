using System.Text;
using System.Text.RegularExpressions;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>
/// The step definition to paste for an unbound step: quoted text and whole numbers become capture
/// groups (string and int parameters), everything else is matched literally.
/// </summary>
public static partial class StepSnippet
{
    private const string RegexMetacharacters = @"\*+?|{}[]()^$.";

    public static string For(ScenarioStep step)
    {
        var pattern = new StringBuilder();
        var parameters = new List<string>();
        var methodName = new StringBuilder(step.Kind.ToString());
        var position = 0;
        foreach (Match token in Tokens().Matches(step.Text))
        {
            AppendLiteral(step.Text[position..token.Index], pattern, methodName);
            if (token.Groups["quoted"].Success)
            {
                pattern.Append("\"\"([^\"\"]*)\"\"");
                parameters.Add($"string p{parameters.Count}");
            }
            else
            {
                pattern.Append(@"(-?\d+)");
                parameters.Add($"int p{parameters.Count}");
            }

            position = token.Index + token.Length;
        }

        AppendLiteral(step.Text[position..], pattern, methodName);
        if (step.Table is not null)
        {
            parameters.Add("DataTable table");
        }
        else if (step.DocString is not null)
        {
            parameters.Add("string docString");
        }

        return $$"""
            [{{step.Kind}}(@"{{pattern}}")]
            public void {{methodName}}({{string.Join(", ", parameters)}})
            {
                throw new NotImplementedException();
            }
            """;
    }

    private static void AppendLiteral(string literal, StringBuilder pattern, StringBuilder methodName)
    {
        foreach (var c in literal)
        {
            // Regex.Escape would also escape spaces, which makes the pattern hard to read in a binding.
            if (c == '"' || RegexMetacharacters.Contains(c, StringComparison.Ordinal))
            {
                // A verbatim string doubles quotes; a pattern escapes metacharacters.
                pattern.Append(c == '"' ? '"' : '\\');
            }

            pattern.Append(c);
        }

        foreach (Match word in Words().Matches(literal))
        {
            methodName.Append(char.ToUpperInvariant(word.Value[0]));
            methodName.Append(word.Value.AsSpan(1));
        }
    }

    [GeneratedRegex("""(?<quoted>"[^"]*")|(?<number>(?<![\w.])-?\d+(?![\w.]))""", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"[\p{L}\p{Nd}]+", RegexOptions.CultureInvariant)]
    private static partial Regex Words();
}
