using System.Globalization;

namespace OcppLab.Protocol.Serialization;

/// <summary>
/// The JSON schema <c>date-time</c> format (RFC 3339 §5.6): a full date, <c>T</c>, a time with optional
/// fraction, and a mandatory zone (<c>Z</c> or <c>±hh:mm</c>).
/// </summary>
public static class Rfc3339
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>Parses <paramref name="text"/> strictly as an RFC 3339 date-time.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        if (!HasZone(text))
        {
            return false;
        }

        // .NET keeps at most 7 fraction digits; RFC 3339 allows more, so trim the surplus before parsing.
        var normalized = TrimFraction(text.Replace('t', 'T').Replace('z', 'Z'));
        return DateTimeOffset.TryParseExact(normalized, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool HasZone(string text) =>
        text.Length >= 20 && (text[^1] is 'Z' or 'z' || (text.Length >= 25 && text[^6] is '+' or '-' && text[^3] == ':'));

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }

        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - dot - 1;
        if (digits == 0)
        {
            // RFC 3339 time-secfrac: a dot is followed by at least one digit; make the parse fail.
            return "";
        }

        return digits <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }
}
