using System.Text.Json.Nodes;

namespace OcppLab.Conformance.Drivers;

/// <summary>
/// What the lab's charge point answers to each CALL the CSMS sends: a per-scenario script, falling back to
/// the answer a healthy charge point would give (the "CP answers Accepted" of most OCTT sequences).
/// </summary>
public sealed class ScriptedAnswers
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, JsonObject> scripted = new(StringComparer.Ordinal);

    public void Script(string action, JsonObject answer)
    {
        lock (gate)
        {
            scripted[action] = answer;
        }
    }

    public JsonObject AnswerTo(string action)
    {
        lock (gate)
        {
            if (scripted.TryGetValue(action, out var answer))
            {
                return (JsonObject)answer.DeepClone();
            }
        }

        return Default(action);
    }

    private static JsonObject Default(string action) => action switch
    {
        "GetConfiguration" => new JsonObject { ["configurationKey"] = new JsonArray(), ["unknownKey"] = new JsonArray() },
        "GetLocalListVersion" => new JsonObject { ["listVersion"] = 0 },
        "UnlockConnector" => new JsonObject { ["status"] = "Unlocked" },
        "UpdateFirmware" => [],
        "GetDiagnostics" => new JsonObject { ["fileName"] = "diagnostics.zip" },
        "GetLog" => new JsonObject { ["status"] = "Accepted", ["filename"] = "security.log" },
        "GetCompositeSchedule" => new JsonObject { ["status"] = "Accepted" },
        "GetInstalledCertificateIds" => new JsonObject { ["status"] = "NotFound" },
        _ => new JsonObject { ["status"] = "Accepted" },
    };
}
