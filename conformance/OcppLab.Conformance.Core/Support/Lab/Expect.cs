using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OcppLab.Conformance.Drivers;

namespace OcppLab.Conformance.Support.Lab;

/// <summary>Checks on frames, with messages that say what the CSMS did and what OCTT expects.</summary>
public static partial class Expect
{
    [GeneratedRegex(@"^\(greater than (-?\d+(?:\.\d+)?)\)$")]
    private static partial Regex GreaterThan();

    public static void Status(CallExchange exchange, string expected)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var actual = exchange.Payload.TryGetProperty("status", out var status) ? status.GetString() : null;
        if (actual != expected)
        {
            throw new AssertionException($"The CSMS answered {exchange.Action} with status {actual ?? "(none)"}; expected {expected}.");
        }
    }

    public static void IdTagStatus(CallExchange exchange, string expected)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var actual = IdTagInfo(exchange)?["status"]?.GetValue<string>();
        if (actual != expected)
        {
            var idTag = exchange.Request["idTag"]?.GetValue<string>();
            throw new AssertionException($"The CSMS answered {exchange.Action} for id tag {idTag} with idTagInfo.status {actual ?? "(none)"}; expected {expected}.");
        }
    }

    public static JsonObject? IdTagInfo(CallExchange exchange) =>
        JsonNode.Parse(exchange.Payload.GetRawText())?["idTagInfo"] as JsonObject;

    public static void TransactionId(LabChargePoint chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        var exchange = chargePoint.LastExchange!;
        if (!exchange.Payload.TryGetProperty("transactionId", out var id) || id.ValueKind != JsonValueKind.Number)
        {
            throw new AssertionException($"The CSMS answered {exchange.Action} without a transactionId.");
        }
    }

    /// <summary>
    /// Compares one field of a frame with what a feature expects: "(absent)", "(present)", "(greater than N)",
    /// or a JSON value (numbers compare by value, so 6 equals 6.0).
    /// </summary>
    public static void Field(string what, JsonNode? payload, string path, string expectedCell, LabValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var actual = JsonPath.Get(payload, path, out var found);
        switch (expectedCell.Trim())
        {
            case "(absent)":
                if (found)
                {
                    throw new AssertionException($"{what}: {path} must be omitted but is {actual?.ToJsonString() ?? "null"}.");
                }

                return;
            case "(present)":
                if (!found || actual is null)
                {
                    throw new AssertionException($"{what}: {path} must be present but is missing.");
                }

                return;
        }

        if (GreaterThan().Match(values.Resolve(expectedCell.Trim())) is { Success: true } bound)
        {
            var floor = decimal.Parse(bound.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (!found || actual is not JsonValue number || number.GetValueKind() != JsonValueKind.Number ||
                decimal.Parse(number.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) <= floor)
            {
                throw new AssertionException($"{what}: {path} is {(found ? actual?.ToJsonString() ?? "null" : "missing")}; expected greater than {bound.Groups[1].Value}.");
            }

            return;
        }

        var expected = values.Json(expectedCell);
        if (!found)
        {
            throw new AssertionException($"{what}: {path} is missing; expected {expected?.ToJsonString() ?? "null"}.");
        }

        if (!SameValue(actual, expected))
        {
            throw new AssertionException($"{what}: {path} is {actual?.ToJsonString() ?? "null"}; expected {expected?.ToJsonString() ?? "null"}.");
        }
    }

    private static bool SameValue(JsonNode? actual, JsonNode? expected)
    {
        if (actual is JsonValue a && expected is JsonValue e &&
            a.GetValueKind() == JsonValueKind.Number && e.GetValueKind() == JsonValueKind.Number)
        {
            return decimal.Parse(a.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture) ==
                decimal.Parse(e.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return JsonNode.DeepEquals(actual, expected);
    }
}
