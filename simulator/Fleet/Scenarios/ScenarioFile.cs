using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using OcppLab.ChargePoint;
using OcppLab.Simulator.Fleet.Thresholds;

namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// Reads a scenario file (JSON, comments and trailing commas allowed; or YAML, same schema, for a file ending .yaml
/// or .yml): stages, faults, a weighted mix of templates, the sessions and the thresholds. A bad value is a
/// <see cref="ScenarioFileException"/> that names where it is (<c>stages[2].duration</c>, and its line in YAML) and
/// what is allowed.
/// </summary>
public static partial class ScenarioFile
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads the file at <paramref name="path"/>; template files are resolved against its folder.</summary>
    public static ScenarioDefinition Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFileException($"'{path}' could not be read: {e.Message}");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return Path.GetExtension(path).ToLowerInvariant() is ".yaml" or ".yml" ? ParseYaml(text, folder) : Parse(text, folder);
    }

    /// <summary>Reads a YAML scenario (the same schema as JSON); an error names the place and its line.</summary>
    public static ScenarioDefinition ParseYaml(string yaml, string folder)
    {
        var (json, lines) = YamlScenarioText.ToJson(yaml);
        try
        {
            return Parse(json, folder) with { Source = yaml };
        }
        catch (ScenarioFileException e)
        {
            // The message starts with the place ("stages[0].duration: ..."); the closest place with a line names it.
            var place = e.Message.Split(':', 2)[0];
            while (place.Length > 0 && !lines.ContainsKey(place))
            {
                place = place[..Math.Max(0, place.LastIndexOfAny(['.', '[']))];
            }

            throw lines.TryGetValue(place, out var line)
                ? new ScenarioFileException($"line {line}: {e.Message}", e)
                : e;
        }
    }

    /// <summary>Reads a scenario from <paramref name="json"/>; template files are resolved against <paramref name="folder"/>.</summary>
    public static ScenarioDefinition Parse(string json, string folder)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException e)
        {
            throw new ScenarioFileException($"not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            Expect(root, JsonValueKind.Object, "the scenario");
            Only(root, "the scenario", "stages", "faults", "templates", "sessions", "thresholds", "seed");
            if (!root.TryGetProperty("stages", out var stagesJson) || stagesJson.ValueKind != JsonValueKind.Array || stagesJson.GetArrayLength() == 0)
            {
                throw new ScenarioFileException("stages: a list of at least one stage like { \"duration\": \"2m\", \"target\": 100 } is required.");
            }

            var stages = stagesJson.EnumerateArray().Select((s, i) => ReadStage(s, $"stages[{i}]")).ToList();
            var faults = root.TryGetProperty("faults", out var faultsJson)
                ? [.. Array(faultsJson, "faults").Select((f, i) => ReadFault(f, $"faults[{i}]"))]
                : new List<FaultInjection>();
            var templates = root.TryGetProperty("templates", out var templatesJson)
                ? [.. Array(templatesJson, "templates").Select((t, i) => ReadShare(t, $"templates[{i}]", folder))]
                : (List<TemplateShare>?)null;
            var sessions = root.TryGetProperty("sessions", out var sessionsJson) ? ReadSessions(sessionsJson) : null;
            var thresholds = root.TryGetProperty("thresholds", out var thresholdsJson)
                ? [.. Array(thresholdsJson, "thresholds").Select((t, i) => ReadThreshold(t, $"thresholds[{i}]"))]
                : new List<Threshold>();
            long? seed = root.TryGetProperty("seed", out var seedJson) ? (seedJson.ValueKind == JsonValueKind.Number && seedJson.TryGetInt64(out var n) ? n : throw new ScenarioFileException("seed: a whole number is expected.")) : null;
            var scenario = new Scenario { Stages = stages, Faults = faults };
            if (scenario.Peak < 1)
            {
                throw new ScenarioFileException("stages: no stage has a target above 0, so no charge point would ever be powered.");
            }

            return new ScenarioDefinition(scenario, templates, sessions, thresholds, seed) { Source = json };
        }
    }

    /// <summary>A duration such as <c>500ms</c>, <c>90s</c>, <c>10m</c>, <c>1h</c>, or plain seconds; null when it is none.</summary>
    public static TimeSpan? TryDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = DurationSyntax().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return match.Groups[2].Value switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "" or "s" => TimeSpan.FromSeconds(amount),
            "m" or "min" => TimeSpan.FromMinutes(amount),
            _ => TimeSpan.FromHours(amount),
        };
    }

    private static Stage ReadStage(JsonElement json, string where)
    {
        Expect(json, JsonValueKind.Object, where);
        Only(json, where, "duration", "target", "sessionRate");
        var duration = Duration(Required(json, "duration", where), where + ".duration", allowZero: true);
        var targetJson = Required(json, "target", where);
        if (targetJson.ValueKind != JsonValueKind.Number || !targetJson.TryGetInt32(out var target) || target < 0 || target > 1_000_000)
        {
            throw new ScenarioFileException($"{where}.target: '{targetJson.GetRawText()}' is not a whole number of charge points from 0 to 1000000.");
        }

        var rate = json.TryGetProperty("sessionRate", out var rateJson) ? Number(rateJson, where + ".sessionRate", 0, 1000) : 1;
        return new Stage(duration, target, rate);
    }

    private static Threshold ReadThreshold(JsonElement json, string where)
    {
        try
        {
            return Threshold.Parse(String(json, where));
        }
        catch (FormatException e)
        {
            throw new ScenarioFileException($"{where}: {e.Message}");
        }
    }

    private static FaultInjection ReadFault(JsonElement json, string where)
    {
        Expect(json, JsonValueKind.Object, where);
        Only(json, where, "at", "kind", "fraction", "duration", "firmware", "location", "imageBytes");
        var at = Duration(Required(json, "at", where), where + ".at", allowZero: true);
        var kindText = String(Required(json, "kind", where), where + ".kind");
        var kind = kindText switch
        {
            "powerCut" => FaultKind.PowerCut,
            "networkDrop" => FaultKind.NetworkDrop,
            "firmwareCampaign" => FaultKind.FirmwareCampaign,
            _ => throw new ScenarioFileException($"{where}.kind: '{kindText}' is not a fault; use powerCut, networkDrop or firmwareCampaign."),
        };
        var fraction = Number(Required(json, "fraction", where), where + ".fraction", 0, 1);
        if (fraction <= 0)
        {
            throw new ScenarioFileException($"{where}.fraction: 0 hits no charge point; use a share above 0 and up to 1.");
        }

        if (kind == FaultKind.FirmwareCampaign)
        {
            return new FaultInjection(at, kind, fraction, TimeSpan.Zero) { Firmware = ReadCampaign(json, where) };
        }

        foreach (var name in new[] { "firmware", "location", "imageBytes" })
        {
            if (json.TryGetProperty(name, out _))
            {
                throw new ScenarioFileException($"{where}.{name}: only a firmwareCampaign has firmware; a {kindText} has at, fraction and duration.");
            }
        }

        var duration = Duration(Required(json, "duration", where), where + ".duration", allowZero: false);
        return new FaultInjection(at, kind, fraction, duration);
    }

    private static FirmwareCampaign ReadCampaign(JsonElement json, string where)
    {
        if (json.TryGetProperty("duration", out _))
        {
            throw new ScenarioFileException($"{where}.duration: a firmwareCampaign has none; each charge point reports until it has installed (or failed).");
        }

        var hasFile = json.TryGetProperty("firmware", out var fileJson);
        var hasLocation = json.TryGetProperty("location", out var locationJson);
        if (hasFile && hasLocation)
        {
            throw new ScenarioFileException($"{where}: give either \"firmware\" (a file name the Central System serves) or \"location\" (any URL), not both.");
        }

        if (hasLocation)
        {
            var text = String(locationJson, where + ".location");
            return Uri.TryCreate(text, UriKind.Absolute, out var location) && location.Scheme is "http" or "https" or "ftp"
                ? new FirmwareCampaign(null, location)
                : throw new ScenarioFileException($"{where}.location: '{text}' is not an http://, https:// or ftp:// URL.");
        }

        var file = hasFile ? String(fileJson, where + ".firmware") : "fleet-firmware.bin";
        if (!FileNameSyntax().IsMatch(file))
        {
            throw new ScenarioFileException($"{where}.firmware: '{file}' is not a file name (letters, digits, '.', '-' and '_', not starting with '.').");
        }

        var size = json.TryGetProperty("imageBytes", out var sizeJson) ? (int)Number(sizeJson, where + ".imageBytes", 1, 64 * 1024 * 1024) : FirmwareCampaign.DefaultImageBytes;
        return new FirmwareCampaign(file, null, size);
    }

    private static TemplateShare ReadShare(JsonElement json, string where, string folder)
    {
        Expect(json, JsonValueKind.Object, where);
        Only(json, where, "name", "weight", "file", "template", "driver");
        var name = String(Required(json, "name", where), where + ".name");
        var weight = Number(Required(json, "weight", where), where + ".weight", 0, 1_000_000);
        if (weight <= 0)
        {
            throw new ScenarioFileException($"{where}.weight: a share needs a weight above 0.");
        }

        var hasFile = json.TryGetProperty("file", out var fileJson);
        var hasInline = json.TryGetProperty("template", out var inlineJson);
        if (hasFile == hasInline)
        {
            throw new ScenarioFileException($"{where}: give either \"file\" (a template file) or \"template\" (the template itself).");
        }

        ChargePointTemplate template;
        string templateText;
        if (hasFile)
        {
            var file = Path.Combine(folder, String(fileJson, where + ".file"));
            try
            {
                templateText = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ScenarioFileException($"{where}.file: '{file}' could not be read: {e.Message}");
            }
        }
        else
        {
            templateText = inlineJson.GetRawText();
        }

        try
        {
            template = ChargePointTemplate.FromJson(templateText);
        }
        catch (JsonException e)
        {
            throw new ScenarioFileException($"{where}: the template is not valid: {e.Message}");
        }

        if (template.NumberOfConnectors < 1)
        {
            throw new ScenarioFileException($"{where}: numberOfConnectors must be at least 1.");
        }

        var driver = json.TryGetProperty("driver", out var driverJson) ? ReadDriver(driverJson, where + ".driver") : new DriverProfile();
        return new TemplateShare(name, weight, template, driver);
    }

    private static DriverProfile ReadDriver(JsonElement json, string where)
    {
        Expect(json, JsonValueKind.Object, where);
        Only(json, where, "answersCentralSystem", "plugInDelayMin", "plugInDelayMax", "unplugDelayMin", "unplugDelayMax");
        var driver = new DriverProfile();
        if (json.TryGetProperty("answersCentralSystem", out var answers))
        {
            driver = driver with
            {
                AnswersCentralSystem = answers.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw new ScenarioFileException($"{where}.answersCentralSystem: true or false is expected."),
                },
            };
        }

        TimeSpan Read(string name, TimeSpan otherwise) =>
            json.TryGetProperty(name, out var value) ? Duration(value, $"{where}.{name}", allowZero: true) : otherwise;
        driver = driver with
        {
            PlugInDelayMin = Read("plugInDelayMin", driver.PlugInDelayMin),
            PlugInDelayMax = Read("plugInDelayMax", driver.PlugInDelayMax),
            UnplugDelayMin = Read("unplugDelayMin", driver.UnplugDelayMin),
            UnplugDelayMax = Read("unplugDelayMax", driver.UnplugDelayMax),
        };
        if (driver.PlugInDelayMax < driver.PlugInDelayMin || driver.UnplugDelayMax < driver.UnplugDelayMin)
        {
            throw new ScenarioFileException($"{where}: a ...DelayMax is below its ...DelayMin.");
        }

        return driver;
    }

    private static SessionProfile ReadSessions(JsonElement json)
    {
        const string where = "sessions";
        Expect(json, JsonValueKind.Object, where);
        Only(json, where, "meanGap", "meanLength", "evDemand");
        var sessions = new SessionProfile();
        if (json.TryGetProperty("meanGap", out var gap))
        {
            sessions = sessions with { MeanGap = Duration(gap, where + ".meanGap", allowZero: false) };
        }

        if (json.TryGetProperty("meanLength", out var length))
        {
            sessions = sessions with { MeanLength = Duration(length, where + ".meanLength", allowZero: false) };
        }

        if (json.TryGetProperty("evDemand", out var demand))
        {
            sessions = sessions with { MeanDemandAmperes = (decimal)Number(demand, where + ".evDemand", 1, 1000) };
        }

        return sessions;
    }

    private static JsonElement Required(JsonElement json, string name, string where) =>
        json.TryGetProperty(name, out var value) ? value : throw new ScenarioFileException($"{where}: \"{name}\" is missing.");

    private static JsonElement.ArrayEnumerator Array(JsonElement json, string where)
    {
        Expect(json, JsonValueKind.Array, where);
        return json.EnumerateArray();
    }

    private static void Expect(JsonElement json, JsonValueKind kind, string where)
    {
        if (json.ValueKind != kind)
        {
            throw new ScenarioFileException($"{where}: {(kind == JsonValueKind.Array ? "a list" : "an object")} is expected, not {json.ValueKind.ToString().ToLowerInvariant()}.");
        }
    }

    private static void Only(JsonElement json, string where, params string[] allowed)
    {
        foreach (var property in json.EnumerateObject())
        {
            if (!allowed.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new ScenarioFileException($"{where}: \"{property.Name}\" is not known; allowed: {string.Join(", ", allowed)}.");
            }
        }
    }

    private static string String(JsonElement json, string where) =>
        json.ValueKind == JsonValueKind.String && json.GetString() is { Length: > 0 } text
            ? text
            : throw new ScenarioFileException($"{where}: a non-empty string is expected.");

    private static double Number(JsonElement json, string where, double min, double max) =>
        json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var value) && value >= min && value <= max
            ? value
            : throw new ScenarioFileException($"{where}: '{json.GetRawText()}' is not a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}.");

    private static TimeSpan Duration(JsonElement json, string where, bool allowZero)
    {
        var text = json.ValueKind == JsonValueKind.String ? json.GetString() ?? "" : json.GetRawText();
        return TryDuration(text) is { } duration && (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero))
            ? duration
            : throw new ScenarioFileException($"{where}: '{text}' is not a duration like 90s, 10m or 1h{(allowZero ? " (0s allowed)" : "")}.");
    }

    [GeneratedRegex(@"^[A-Za-z0-9_-][A-Za-z0-9._-]*$")]
    private static partial Regex FileNameSyntax();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)(ms|s|m|min|h|)$")]
    private static partial Regex DurationSyntax();
}
