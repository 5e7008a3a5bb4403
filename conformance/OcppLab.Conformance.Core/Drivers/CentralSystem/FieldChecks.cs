using System.Globalization;
using System.Text.Json;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The small field language of the charge-point features: <c>connectorId=1, status=Finishing|Available,
/// reason=-, reservationId=*</c>. A path is dotted with [i] for arrays; <c>|</c> separates accepted values,
/// <c>*</c> means present and <c>-</c> absent, as the OCTT checks name a field and its allowed values.
/// </summary>
public sealed class FieldChecks
{
    private readonly List<(string Path, string[] Accepted)> checks;

    private FieldChecks(List<(string Path, string[] Accepted)> checks) => this.checks = checks;

    public static FieldChecks None { get; } = new([]);

    public string Text => string.Join(", ", checks.Select(c => $"{c.Path}={string.Join('|', c.Accepted)}"));

    /// <param name="text">The checks, after the lab's placeholders are replaced.</param>
    public static FieldChecks Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<(string, string[])>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"'{part}' is not path=value.");
            }

            list.Add((part[..eq].Trim(), part[(eq + 1)..].Trim().Split('|')));
        }

        return new FieldChecks(list);
    }

    /// <summary>The first check that fails, described; null when all hold.</summary>
    public string? FirstMismatch(JsonElement payload)
    {
        foreach (var (path, accepted) in checks)
        {
            var value = Find(payload, path);
            var text = value is { } v ? Render(v) : null;
            var ok = accepted.Any(a => a switch
            {
                "*" => text is not null,
                "-" => text is null,
                _ => text is not null && Same(text, a),
            });
            if (!ok)
            {
                return $"{path} is {text ?? "absent"}; expected {string.Join(" or ", accepted.Select(a => a switch { "*" => "present", "-" => "absent", _ => a }))}";
            }
        }

        return null;
    }

    public static JsonElement? Find(JsonElement payload, string path)
    {
        var current = payload;
        foreach (var segment in path.Split('.'))
        {
            var name = segment;
            int? index = null;
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                name = segment[..bracket];
                index = int.Parse(segment[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            }

            if (name.Length > 0)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                {
                    return null;
                }
            }

            if (index is { } i)
            {
                if (current.ValueKind != JsonValueKind.Array || current.GetArrayLength() <= i)
                {
                    return null;
                }

                current = current[i];
            }
        }

        return current;
    }

    public static string Render(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        _ => value.GetRawText(),
    };

    private static bool Same(string actual, string expected) =>
        string.Equals(actual, expected, StringComparison.Ordinal)
        || (decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out var e) && a == e);
}
