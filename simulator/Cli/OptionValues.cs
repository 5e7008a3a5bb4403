using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.RegularExpressions;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet.Scenarios;

namespace OcppLab.Simulator.Cli;

/// <summary>
/// Options whose values are read by the lab's own rules, so that a bad value is reported as
/// "<c>--option: 'value' is not ...</c>" with what is allowed, never as a .NET type name.
/// </summary>
internal static partial class OptionValues
{
    /// <summary>Reads <paramref name="text"/>; returns null and the value, or the problem in words (without the option name).</summary>
    public delegate string? Reader<T>(string text, out T value);

    /// <summary>An option with one value read by <paramref name="read"/>; a problem is reported as "<c>name: problem</c>".</summary>
    public static Option<T> Create<T>(string name, string valueName, string description, Reader<T> read, Func<T>? defaultValue = null)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = valueName,
            // Given twice, the last value wins, so that a script can append an override.
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
            CustomParser = result => Read(name, result, read),
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue();
        }

        return option;
    }

    /// <summary>A whole number from 1 to <paramref name="max"/>.</summary>
    public static Reader<int> WholeNumber(int max) => (string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1 && value <= max
            ? null
            : $"'{text}' is not a whole number from 1 to {max.ToString(CultureInfo.InvariantCulture)}.";

    /// <summary>The same as <see cref="WholeNumber"/>, for options without a default.</summary>
    public static Reader<int?> OptionalWholeNumber(int max) => (string text, out int? value) =>
    {
        var problem = WholeNumber(max)(text, out var number);
        value = problem is null ? number : null;
        return problem;
    };

    /// <summary>An absolute URL with one of <paramref name="schemes"/>; <paramref name="what"/> says so in words ("a ws:// or wss:// URL").</summary>
    public static Reader<Uri?> Url(string what, params string[] schemes) => (string text, out Uri? value) =>
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out value) && schemes.Contains(value.Scheme))
        {
            return null;
        }

        value = null;
        return $"'{text}' is not {what}.";
    };

    /// <summary>A duration such as <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>500ms</c>, or plain seconds.</summary>
    public static string? Duration(string text, out TimeSpan value)
    {
        value = TryDuration(text) ?? TimeSpan.Zero;
        return value > TimeSpan.Zero ? null : $"'{text}' is not a duration like 90s, 10m or 1h.";
    }

    /// <summary>The same as <see cref="Duration"/>, for options without a default.</summary>
    public static string? OptionalDuration(string text, out TimeSpan? value)
    {
        var problem = Duration(text, out var duration);
        value = problem is null ? duration : null;
        return problem;
    }

    /// <summary>A rate such as <c>500/s</c>, per second.</summary>
    public static string? Rate(string text, out double value)
    {
        value = TryRate(text) ?? 0;
        return value > 0 ? null : $"'{text}' is not a rate like 500/s.";
    }

    /// <summary>A charge point template file (JSON).</summary>
    public static string? Template(string path, out ChargePointTemplate? value)
    {
        try
        {
            value = ChargePointTemplate.FromJson(File.ReadAllText(path));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or ArgumentException)
        {
            value = null;
            return $"'{path}' could not be read: {e.Message}";
        }
    }

    /// <summary>Any text, as given.</summary>
    public static string? Text(string text, out string? value)
    {
        value = text;
        return null;
    }

    /// <summary>A .NET format of one number that makes a distinct identity (1 to 48 characters, no spaces or '/') per number.</summary>
    public static Reader<string?> IdentityPattern(string example) => (string text, out string? value) =>
    {
        value = text;
        try
        {
            var first = string.Format(CultureInfo.InvariantCulture, text, 1);
            var second = string.Format(CultureInfo.InvariantCulture, text, 2);
            if (first == second)
            {
                return $"'{text}' does not contain {{0}}, so every number gives the same name (try {example}).";
            }

            return first.Length is 0 or > 48 || first.Any(c => char.IsWhiteSpace(c) || c == '/')
                ? $"'{text}' makes '{first}', which is not 1 to 48 characters without spaces or '/'."
                : null;
        }
        catch (FormatException)
        {
            return $"'{text}' is not a format like {example}.";
        }
    };

    /// <summary>A rate such as <c>500/s</c>, <c>600/m</c>, <c>0.5/s</c>, <c>3600/h</c>, per second.</summary>
    public static double? TryRate(string text)
    {
        var match = RateSyntax().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var count) || count <= 0)
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "s" => count,
            "m" or "min" => count / 60,
            _ => count / 3600,
        };
    }

    /// <summary>A duration such as <c>90s</c>, <c>10m</c>, <c>1h</c>, <c>500ms</c>, or plain seconds, above zero (the scenario file's syntax).</summary>
    public static TimeSpan? TryDuration(string text) => ScenarioFile.TryDuration(text) is { } duration && duration > TimeSpan.Zero ? duration : null;

    private static T Read<T>(string name, ArgumentResult result, Reader<T> read)
    {
        // The parser has already reported a missing value; of several, the last counts.
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        var problem = read(text, out var value);
        if (problem is not null)
        {
            result.AddError($"{name}: {problem}");
        }

        return value;
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)/(s|m|min|h)$")]
    private static partial Regex RateSyntax();

}
