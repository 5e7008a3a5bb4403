using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Validation;

/// <summary>
/// The OCPP 1.6 JSON schema constraints of one payload type, read once from the record's declaration
/// (<c>required</c> members, CLR types, enums and their wire names, <see cref="CiStringAttribute"/>,
/// <see cref="MaxLengthAttribute"/>, <see cref="MinItemsAttribute"/>) and checked against a received
/// payload before it is deserialized, so that each failure gets the precise OCPP-J error code.
/// </summary>
public sealed class PayloadSchema
{
    private const string RootPath = "$";

    // Where a check failed, relative to the value it checked: that value itself.
    private const string Here = "";

    private static readonly ConcurrentDictionary<Type, PayloadSchema> Cache = new();

    private readonly Member[] members;
    private readonly Dictionary<string, Member> byName;

    private PayloadSchema(Type type)
    {
        Type = type;
        byName = new Dictionary<string, Member>(StringComparer.Ordinal);
        var list = new List<Member>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetMethod is null || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }

            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name
                ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var required = property.IsDefined(typeof(RequiredMemberAttribute));
            var maxLength = property.GetCustomAttribute<CiStringAttribute>()?.MaxLength
                ?? property.GetCustomAttribute<MaxLengthAttribute>()?.MaxLength;
            var minItems = property.GetCustomAttribute<MinItemsAttribute>()?.Count;
            var member = new Member(name, required, ValueShape.Of(property.PropertyType, maxLength), minItems);
            list.Add(member);
            byName[name] = member;
        }

        members = [.. list];
    }

    /// <summary>The payload type this schema describes.</summary>
    public Type Type { get; }

    /// <summary>The schema of <paramref name="type"/>, built once. Nested object types resolve lazily.</summary>
    public static PayloadSchema For(Type type) => Cache.GetOrAdd(type, static t => new PayloadSchema(t));

    /// <summary>Checks <paramref name="payload"/> and returns the first violation, or null when it conforms.</summary>
    /// <remarks>
    /// Every check below reports where it failed relative to the value it was given, and each object or array on the
    /// way back up puts its member name or index in front: a conforming payload (every frame a healthy peer sends,
    /// and every frame we send under strict outbound) costs no path strings at all.
    /// </remarks>
    public SchemaViolation? Validate(JsonElement payload) => ValidateObject(payload) is { } violation
        ? violation with { Path = RootPath + violation.Path }
        : null;

    private SchemaViolation? ValidateObject(JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return new SchemaViolation(OcppErrorCode.TypeConstraintViolation, Here, $"expected an object, got {Describe(payload.ValueKind)}");
        }

        var present = 0;
        foreach (var member in members)
        {
            if (!payload.TryGetProperty(member.Utf8Name, out var value))
            {
                if (member.Required)
                {
                    return new SchemaViolation(OcppErrorCode.OccurenceConstraintViolation, member.Segment, "required member is missing");
                }

                continue;
            }

            present++;
            var violation = member.Shape.Validate(value, member.MinItems);
            if (violation is not null)
            {
                return violation with { Path = member.Segment + violation.Path };
            }
        }

        var count = 0;
        foreach (var _ in payload.EnumerateObject())
        {
            count++;
        }

        if (count == present)
        {
            // As many members as known ones found, each found once: none is unknown (names are read only otherwise).
            return null;
        }

        foreach (var property in payload.EnumerateObject())
        {
            if (!byName.ContainsKey(property.Name))
            {
                // additionalProperties: false in every 1.6 schema; an unknown member breaks the PDU's structure.
                return new SchemaViolation(OcppErrorCode.FormationViolation, $".{property.Name}", "member is not part of this message");
            }
        }

        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private sealed record Member(string Name, bool Required, ValueShape Shape, int? MinItems)
    {
        /// <summary>The name as the JSON reader compares it, without transcoding per lookup.</summary>
        public byte[] Utf8Name { get; } = System.Text.Encoding.UTF8.GetBytes(Name);

        /// <summary>This member's step in a violation's path.</summary>
        public string Segment { get; } = $".{Name}";
    }

    /// <summary>What one JSON value must look like.</summary>
    private abstract class ValueShape
    {
        public static ValueShape Of(Type type, int? maxLength)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(string))
            {
                return new StringShape(maxLength);
            }

            if (underlying == typeof(bool))
            {
                return BooleanShape.Instance;
            }

            if (underlying == typeof(int) || underlying == typeof(long))
            {
                return new IntegerShape(underlying == typeof(int));
            }

            if (underlying == typeof(decimal) || underlying == typeof(double))
            {
                return NumberShape.Instance;
            }

            if (underlying == typeof(DateTimeOffset))
            {
                return DateTimeShape.Instance;
            }

            if (underlying.IsEnum)
            {
                return new EnumShape(underlying);
            }

            var item = ItemType(underlying);
            if (item is not null)
            {
                return new ArrayShape(Of(item, maxLength));
            }

            if (underlying.IsClass)
            {
                return new ObjectShape(underlying);
            }

            throw new NotSupportedException($"No schema shape for {underlying.Name}.");
        }

        public SchemaViolation? Validate(JsonElement value, int? minItems) =>
            value.ValueKind == JsonValueKind.Null
                ? new SchemaViolation(OcppErrorCode.TypeConstraintViolation, Here, "null is not allowed; omit the member instead")
                : Check(value, minItems);

        protected abstract SchemaViolation? Check(JsonElement value, int? minItems);

        protected static SchemaViolation TypeMismatch(JsonElement value, string expected) =>
            new(OcppErrorCode.TypeConstraintViolation, Here, $"expected {expected}, got {Describe(value.ValueKind)}");

        private static Type? ItemType(Type type)
        {
            if (type == typeof(string))
            {
                return null;
            }

            if (type.IsArray)
            {
                return type.GetElementType();
            }

            return type.IsGenericType && type.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>))
                ? type.GetGenericArguments()[0]
                : null;
        }
    }

    private sealed class StringShape(int? maxLength) : ValueShape
    {
        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return TypeMismatch(value, "a string");
            }

            if (maxLength is { } max)
            {
                // No more raw UTF-8 bytes than the maximum: no more code points either (each takes at least one byte,
                // an escape more), so the common short string is not decoded.
                if (JsonMarshal.GetRawUtf8Value(value).Length <= max)
                {
                    return null;
                }

                // JSON schema maxLength counts characters (code points), not UTF-16 units.
                var text = value.GetString()!;
                var length = text.Length;
                if (length > max)
                {
                    length = 0;
                    foreach (var _ in text.EnumerateRunes())
                    {
                        length++;
                    }
                }

                if (length > max)
                {
                    return new SchemaViolation(OcppErrorCode.PropertyConstraintViolation, Here, $"{length} characters exceed the maximum of {max}");
                }
            }

            return null;
        }
    }

    private sealed class BooleanShape : ValueShape
    {
        public static readonly BooleanShape Instance = new();

        protected override SchemaViolation? Check(JsonElement value, int? minItems) =>
            value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : TypeMismatch(value, "a boolean");
    }

    private sealed class IntegerShape(bool is32Bit) : ValueShape
    {
        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                return TypeMismatch(value, "an integer");
            }

            if (is32Bit ? value.TryGetInt32(out _) : value.TryGetInt64(out _))
            {
                return null;
            }

            // Only a plain run of digits is an integer that is merely too large; 1.0 and 1e2 are of the wrong type.
            var raw = value.GetRawText();
            return raw.AsSpan().TrimStart('-').ContainsAnyExceptInRange('0', '9')
                ? new SchemaViolation(OcppErrorCode.TypeConstraintViolation, Here, $"expected an integer, got {raw}")
                : new SchemaViolation(OcppErrorCode.PropertyConstraintViolation, Here, $"{raw} is out of the integer range");
        }
    }

    private sealed class NumberShape : ValueShape
    {
        public static readonly NumberShape Instance = new();

        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.Number)
            {
                return TypeMismatch(value, "a number");
            }

            return value.TryGetDecimal(out _)
                ? null
                : new SchemaViolation(OcppErrorCode.PropertyConstraintViolation, Here, $"{value.GetRawText()} is out of range");
        }
    }

    private sealed class DateTimeShape : ValueShape
    {
        public static readonly DateTimeShape Instance = new();

        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return TypeMismatch(value, "a date-time string");
            }

            return IsWireTimestamp(JsonMarshal.GetRawUtf8Value(value)) && value.TryGetDateTimeOffset(out _)
                || Rfc3339.TryParse(value.GetString()!, out _)
                ? null
                : new SchemaViolation(OcppErrorCode.PropertyConstraintViolation, Here, $"'{value.GetString()}' is not an RFC 3339 date-time with a time zone");
        }

        // The shape every timestamp we write has (UtcTimestampConverter.WireFormat), and most peers too: digits where
        // digits go, seconds, milliseconds or none, Z. For it the JSON reader's own parser decides validity (a 13th
        // month or a 25th hour fails there as in RFC 3339) without a string per value; anything else takes the full
        // RFC 3339 parse.
        private static bool IsWireTimestamp(ReadOnlySpan<byte> raw)
        {
            if (raw.Length is not (20 or 24) || raw[^1] != (byte)'Z' || raw[4] != (byte)'-' || raw[7] != (byte)'-'
                || raw[10] != (byte)'T' || raw[13] != (byte)':' || raw[16] != (byte)':')
            {
                return false;
            }

            for (var i = 0; i < raw.Length - 1; i++)
            {
                var digitExpected = i is not (4 or 7 or 10 or 13 or 16 or 19);
                if (digitExpected != char.IsAsciiDigit((char)raw[i]))
                {
                    return false;
                }
            }

            return raw.Length == 20 || raw[19] == (byte)'.';
        }
    }

    private sealed class EnumShape : ValueShape
    {
        private readonly byte[][] allowed;
        private readonly string typeName;
        private readonly string spellings;

        public EnumShape(Type enumType)
        {
            typeName = enumType.Name;
            var ordered = new List<string>();
            foreach (var field in enumType.GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var name = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
                ordered.Add(name);
            }

            // The allowed spellings travel with every violation, so whoever reads it (a CALLERROR's
            // description, an operator's 400) learns the fix without looking the enum up in the spec.
            spellings = string.Join(", ", ordered);
            allowed = [.. ordered.Select(System.Text.Encoding.UTF8.GetBytes)];
        }

        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.String)
            {
                return TypeMismatch(value, $"a {typeName} string (allowed: {spellings})");
            }

            // Compared as UTF-8 (escapes resolved by the reader): a valid value costs no string.
            foreach (var name in allowed)
            {
                if (value.ValueEquals(name))
                {
                    return null;
                }
            }

            return new SchemaViolation(OcppErrorCode.PropertyConstraintViolation, Here, $"'{value.GetString()}' is not a {typeName} value (allowed: {spellings})");
        }
    }

    private sealed class ArrayShape(ValueShape item) : ValueShape
    {
        protected override SchemaViolation? Check(JsonElement value, int? minItems)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                return TypeMismatch(value, "an array");
            }

            var count = value.GetArrayLength();
            if (minItems is { } min && count < min)
            {
                return new SchemaViolation(OcppErrorCode.OccurenceConstraintViolation, Here, $"{count} items, at least {min} required");
            }

            var index = 0;
            foreach (var element in value.EnumerateArray())
            {
                var violation = item.Validate(element, null);
                if (violation is not null)
                {
                    return violation with { Path = $"[{index}]{violation.Path}" };
                }

                index++;
            }

            return null;
        }
    }

    private sealed class ObjectShape(Type type) : ValueShape
    {
        protected override SchemaViolation? Check(JsonElement value, int? minItems) =>
            For(type).ValidateObject(value);
    }
}

/// <summary>One schema violation: the OCPP-J error code it maps to, where, and why.</summary>
/// <param name="Code">The CALLERROR code (OCPP-J 1.6 §4.2.3).</param>
/// <param name="Path">A JSON path to the offending value, e.g. <c>$.idTagInfo.status</c>.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record SchemaViolation(OcppErrorCode Code, string Path, string Reason)
{
    /// <summary>A one-line description, suitable for a CALLERROR's errorDescription.</summary>
    public override string ToString() => $"{Path}: {Reason}";
}
