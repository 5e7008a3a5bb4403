using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Serialization;

/// <summary>
/// Writes every OCPP dateTime as UTC ISO 8601 with milliseconds (<c>2026-01-31T12:00:00.000Z</c>),
/// the form OCPP 1.6 §7 recommends; reads any RFC 3339 date-time (the validator has already checked it).
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format written on the wire.</summary>
    public const string WireFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null || !Rfc3339.TryParse(text, out var value))
        {
            throw new JsonException($"'{text}' is not an RFC 3339 date-time.");
        }

        return value;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[24];
        value.UtcDateTime.TryFormat(buffer, out var written, WireFormat, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
