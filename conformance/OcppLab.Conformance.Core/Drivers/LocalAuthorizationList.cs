using System.Text.Json;
using OcppLab.Protocol.Framing;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// The Local Authorization List the lab's charge point holds after the SendLocalList.req it answered Accepted,
/// applied in order as a charge point must (OCPP 1.6 §5.15): a Full update replaces the list with its entries;
/// a Differential one adds or updates each entry that carries an idTagInfo and removes each that carries none.
/// Id tags compare without regard to case (IdToken is a CiString20).
/// </summary>
public static class LocalAuthorizationList
{
    /// <summary>Id tag → idTagInfo.status of every entry held.</summary>
    public static IReadOnlyDictionary<string, string?> Held(IEnumerable<(Call Call, System.Text.Json.Nodes.JsonObject Answer)> answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var list = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (call, answer) in answered)
        {
            if (call.Action != "SendLocalList" || answer["status"]?.GetValue<string>() != "Accepted")
            {
                continue;
            }

            if (call.Payload.TryGetProperty("updateType", out var type) && type.GetString() == "Full")
            {
                list.Clear();
            }

            if (!call.Payload.TryGetProperty("localAuthorizationList", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var entry in entries.EnumerateArray())
            {
                var idTag = entry.GetProperty("idTag").GetString()!;
                if (entry.TryGetProperty("idTagInfo", out var info) && info.ValueKind == JsonValueKind.Object)
                {
                    list[idTag] = info.TryGetProperty("status", out var status) ? status.GetString() : null;
                }
                else
                {
                    list.Remove(idTag);
                }
            }
        }

        return list;
    }

    /// <summary>The listVersion of every SendLocalList.req the CSMS sent, in order.</summary>
    public static IReadOnlyList<int> Versions(IEnumerable<Call> received) =>
        [.. (received ?? throw new ArgumentNullException(nameof(received)))
            .Where(c => c.Action == "SendLocalList" && c.Payload.TryGetProperty("listVersion", out var v) && v.ValueKind == JsonValueKind.Number)
            .Select(c => c.Payload.GetProperty("listVersion").GetInt32())];
}
