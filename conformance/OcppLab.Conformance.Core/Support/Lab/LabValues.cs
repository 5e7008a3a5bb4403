using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OcppLab.Conformance.Drivers;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>
/// Resolves the <c>{configured value}</c> placeholders of feature tables (OCTT's "&lt;Configured ...&gt;"
/// values, octt16-csms.md §2.3) from the settings and from what the scenario learned on the wire.
/// </summary>
public sealed partial class LabValues(LabSettings settings, LabChargePoint chargePoint, LabCertificates certificates)
{
    /// <summary>An id tag named in a step ("valid", "expired", "group member", ...).</summary>
    public string IdTag(string kind) => kind.Trim().ToLowerInvariant() switch
    {
        "valid" => settings.ValidIdTag,
        "invalid" or "unknown" => settings.InvalidIdTag,
        "expired" => settings.ExpiredIdTag,
        "blocked" => settings.BlockedIdTag,
        "group" or "parent" => settings.GroupIdTag,
        "group member" => settings.GroupMemberIdTag,
        "other group member" => settings.OtherGroupMemberIdTag,
        "local list" => settings.LocalListIdTag,
        _ => throw new ArgumentException($"'{kind}' names no configured id tag (valid, invalid, expired, blocked, group, group member, other group member, local list)."),
    };

    /// <summary>
    /// The reservation id of the last ReserveNow the CSMS sent: the CSMS chooses it (the operator only asks to
    /// reserve a connector for an id tag); the configured one before any ReserveNow.
    /// </summary>
    public int ReservationId() =>
        chargePoint.ReceivedCalls.LastOrDefault(c => c.Action == "ReserveNow") is { } call &&
        call.Payload.TryGetProperty("reservationId", out var id) && id.TryGetInt32(out var chosen)
            ? chosen
            : settings.ReservationId;

    /// <summary>The text with every {placeholder} replaced.</summary>
    public string Resolve(string text) => Placeholder().Replace(text, m => Value(m.Groups[1].Value));

    /// <summary>
    /// A table cell as a JSON value: placeholders resolved; "quoted" text is a string; a number, true,
    /// false, an object or an array is that JSON value; anything else is a string.
    /// </summary>
    public JsonNode? Json(string cell)
    {
        var text = Resolve(cell.Trim());
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            return JsonValue.Create(text[1..^1]);
        }

        if (text == "null")
        {
            return null;
        }

        if (text is "true" or "false" || text.StartsWith('{') || text.StartsWith('[') ||
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return JsonNode.Parse(text);
        }

        return JsonValue.Create(text);
    }

    /// <summary>A payload from a table of "path | value" rows (paths like chargingSchedule.chargingSchedulePeriod[0].limit).</summary>
    public JsonObject Payload(DataTable? table)
    {
        var payload = new JsonObject();
        if (table is null)
        {
            return payload;
        }

        foreach (var row in table.Cells)
        {
            JsonPath.Set(payload, row[0].Trim(), Json(row[1]));
        }

        return payload;
    }

    private string Value(string name)
    {
        var now = chargePoint.Target.Clock.GetUtcNow();
        var invariant = CultureInfo.InvariantCulture;
        return name.Trim().ToLowerInvariant() switch
        {
            "charge point id" => chargePoint.Id,
            "connector id" => settings.ConnectorId.ToString(invariant),
            "unknown connector id" => (settings.NumberOfConnectors + 1).ToString(invariant),
            "number of connectors" => settings.NumberOfConnectors.ToString(invariant),
            "transaction id" => (chargePoint.TransactionId ?? throw new InvalidOperationException("No transaction has started in this scenario.")).ToString(invariant),
            "unknown transaction id" => ((chargePoint.TransactionId ?? 0) + 100000).ToString(invariant),
            "reservation id" => ReservationId().ToString(invariant),
            "other reservation id" => (ReservationId() + 1).ToString(invariant),
            "now" => Timestamp(now),
            "expiry date" => Timestamp(now.AddMinutes(settings.ReservationExpiryMinutes)),
            "valid from" => Timestamp(now.AddMinutes(-1)),
            "valid to" => Timestamp(now.AddDays(1)),
            "start schedule" => Timestamp(now),
            "retrieve date" => Timestamp(now),
            "a minute ago" => Timestamp(now.AddMinutes(-1)),
            "firmware location" => settings.FirmwareLocation,
            "diagnostics location" => settings.DiagnosticsLocation,
            "log location" => settings.LogLocation,
            "stack level" => settings.StackLevel.ToString(invariant),
            "charging profile id" => settings.ChargingProfileId.ToString(invariant),
            "second charging profile id" => (settings.ChargingProfileId + 1).ToString(invariant),
            "third charging profile id" => (settings.ChargingProfileId + 2).ToString(invariant),
            "charging rate unit" => settings.ChargingRateUnit,
            "limit" => settings.ChargingLimit.ToString("0.0", invariant),
            "duration" => settings.ScheduleDurationSeconds.ToString(invariant),
            "start period" => settings.StartPeriod.ToString(invariant),
            "number phases" => settings.NumberPhases.ToString(invariant),
            "composite schedule duration" => settings.CompositeScheduleDurationSeconds.ToString(invariant),
            "list version" => settings.ListVersion.ToString(invariant),
            "next list version" => (settings.ListVersion + 1).ToString(invariant),
            "unknown configuration key" => settings.UnknownConfigurationKey,
            "invalid configuration value" => settings.InvalidConfigurationValue,
            "unknown vendor id" => settings.UnknownVendorId,
            "new password as hex" => Convert.ToHexString(Encoding.UTF8.GetBytes(settings.NewBasicAuthPassword)),
            "next security profile" => (settings.CurrentSecurityProfile + 1).ToString(invariant),
            "root certificate" => certificates.RootCertificatePem,
            "firmware signing certificate" => certificates.FirmwareSigningCertificatePem,
            "firmware signature" => settings.FirmwareSignature,
            "request id" => "1",
            var other when other.EndsWith(" id tag", StringComparison.Ordinal) => IdTag(other[..^" id tag".Length]),
            _ => throw new ArgumentException($"{{{name}}} is not a configured value the lab knows."),
        };
    }

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\{([^{}""]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>Dotted paths with array indexes into JSON objects: <c>a.b[0].c</c>.</summary>
public static partial class JsonPath
{
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(root);
        var segments = Segments(path);
        JsonNode current = root;
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, index) = segments[i];
            var last = i == segments.Count - 1;
            var obj = current.AsObject();
            if (index is null)
            {
                if (last)
                {
                    obj[name] = value;
                    return;
                }

                current = obj[name] ??= new JsonObject();
                continue;
            }

            var array = (obj[name] ??= new JsonArray()).AsArray();
            while (array.Count <= index)
            {
                array.Add(new JsonObject());
            }

            if (last)
            {
                array[index.Value] = value;
                return;
            }

            current = array[index.Value]!;
        }
    }

    /// <summary>The node at <paramref name="path"/>; <paramref name="found"/> is false when a segment is missing.</summary>
    public static JsonNode? Get(JsonNode? root, string path, out bool found)
    {
        var current = root;
        foreach (var (name, index) in Segments(path))
        {
            if (current is not JsonObject obj || !obj.TryGetPropertyValue(name, out var next))
            {
                found = false;
                return null;
            }

            current = next;
            if (index is { } i)
            {
                if (current is not JsonArray array || i >= array.Count)
                {
                    found = false;
                    return null;
                }

                current = array[i];
            }
        }

        found = true;
        return current;
    }

    private static List<(string Name, int? Index)> Segments(string path) =>
        [.. path.Split('.').Select(part =>
        {
            var match = Indexed().Match(part);
            return match.Success
                ? (match.Groups[1].Value, (int?)int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
                : (part, null);
        })];

    [GeneratedRegex(@"^(\w+)\[(\d+)\]$")]
    private static partial Regex Indexed();
}
