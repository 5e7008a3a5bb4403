using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OcppLab.Conformance.Support.Gherkin;

/// <summary>Builds a step method's arguments from the capture groups and the step's table or doc string.</summary>
public static class StepArgumentConverter
{
    /// <exception cref="StepBindingException">The method's parameters do not fit the step, or a value does not convert.</exception>
    public static object?[] Arguments(StepMatch match, ScenarioStep step)
    {
        var method = match.Binding.Method;
        var parameters = method.GetParameters();
        var groups = match.Groups;
        var expected = groups.Count + (step.HasArgument ? 1 : 0);
        if (parameters.Length != expected)
        {
            var argument = step.Table is not null ? " and a DataTable" : step.DocString is not null ? " and a doc string" : string.Empty;
            throw new StepBindingException(
                $"{match.Binding.BindingType.Name}.{method.Name} takes {parameters.Length} parameter(s) but the step supplies " +
                $"{groups.Count} capture group(s){argument}.");
        }

        var values = new object?[parameters.Length];
        for (var i = 0; i < groups.Count; i++)
        {
            values[i] = Convert(groups[i], parameters[i], match.Binding);
        }

        if (step.HasArgument)
        {
            var last = parameters[^1];
            values[^1] = (step.Table, step.DocString, last.ParameterType) switch
            {
                ({ } table, _, var type) when type == typeof(DataTable) => table,
                (_, { } docString, var type) when type == typeof(string) => docString,
                _ => throw new StepBindingException(
                    $"{match.Binding.BindingType.Name}.{method.Name}: the last parameter '{last.Name}' must be " +
                    $"{(step.Table is not null ? nameof(DataTable) : "string")} to take the step's " +
                    $"{(step.Table is not null ? "table" : "doc string")}."),
            };
        }

        return values;
    }

    /// <summary>Converts one value; invariant culture, so "1.5" means the same on every machine.</summary>
    /// <exception cref="FormatException">The text does not convert to <paramref name="type"/>.</exception>
    public static object? ConvertText(string text, Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return text.Length == 0 ? null : ConvertText(text, underlying);
        }

        if (type == typeof(string))
        {
            return text;
        }

        if (type.IsEnum)
        {
            return ParseEnum(text, type);
        }

        var invariant = CultureInfo.InvariantCulture;
        return type switch
        {
            _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, invariant),
            _ when type == typeof(decimal) => decimal.Parse(text, NumberStyles.Number, invariant),
            _ when type == typeof(double) => double.Parse(text, NumberStyles.Float, invariant),
            _ when type == typeof(bool) => bool.Parse(text),
            _ when type == typeof(TimeSpan) => TimeSpan.Parse(text, invariant),
            _ => ParseWithIParsable(text, type),
        };
    }

    private static object? Convert(Group group, ParameterInfo parameter, StepBinding binding)
    {
        // An optional group that did not take part reads as empty, as in Reqnroll.
        var text = group.Success ? group.Value : string.Empty;
        try
        {
            return ConvertText(text, parameter.ParameterType);
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            throw new StepBindingException(
                $"{binding.BindingType.Name}.{binding.Method.Name}: cannot convert \"{text}\" to " +
                $"{parameter.ParameterType.Name} for parameter '{parameter.Name}': {ex.Message}",
                ex);
        }
    }

    /// <summary>
    /// Case-insensitive member names, and also the spec spellings the protocol puts in
    /// [JsonStringEnumMemberName] ("SuspendedEVSE", "L1-N"), so steps can quote the spec verbatim.
    /// Numbers are refused: "3" naming an enum member is never what a feature means.
    /// </summary>
    private static object ParseEnum(string text, Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var wireName = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name;
            if (string.Equals(field.Name, text, StringComparison.OrdinalIgnoreCase) ||
                string.Equals(wireName, text, StringComparison.OrdinalIgnoreCase))
            {
                return field.GetValue(null)!;
            }
        }

        var names = string.Join(", ", type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => f.Name));
        throw new FormatException($"\"{text}\" is not one of {type.Name}'s members ({names}).");
    }

    /// <summary>Other value types (Guid, DateTimeOffset, ...) through their own IParsable implementation.</summary>
    private static object? ParseWithIParsable(string text, Type type)
    {
        var parsable = type.GetInterfaces().Any(i => i.IsGenericType &&
            i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GenericTypeArguments[0] == type);
        var parse = parsable
            ? type.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider)])
            : null;
        return parse is null
            ? throw new NotSupportedException($"{type.Name} is not a supported step parameter type.")
            : parse.Invoke(null, BindingFlags.DoNotWrapExceptions, binder: null, [text, CultureInfo.InvariantCulture], culture: null);
    }
}
