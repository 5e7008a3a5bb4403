using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using OcppLab.Conformance.Drivers.CentralSystem;
using OcppLab.Protocol.Framing;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>What the lab, as OCTT's Central System, sends and how it checks the charge point's answers.</summary>
[Binding]
public sealed class CentralSystemSteps(LabCentralSystem lab, ReusableStates states)
{
    [Given("^the Central System answers BootNotification with (\\w+) and an interval of (\\d+) seconds$")]
    public void AnswerBoot(string status, int interval) => lab.AnswerBoot(status, interval);

    [Given("^the Central System answers StartTransaction with idTagInfo status (\\w+)$")]
    public void AnswerStart(string status) => lab.StartTransactionStatus = status;

    [When("^the Central System sends (\\w+)$")]
    public Task Send(string action) => lab.SendAsync(action, []);

    [When("^the Central System sends (\\w+) (\\{.*\\})$")]
    [When("^the Central System sends (\\w+) with:$")]
    public Task SendPayload(string action, string json) =>
        lab.SendAsync(action, JsonNode.Parse(lab.Resolve(json)) as JsonObject ?? throw new FormatException("The payload must be a JSON object."));

    [Then("^the Charge Point answers with status (\\w+(?: or \\w+)*)$")]
    public void Status(string accepted) => states.ExpectStatus(accepted.Split(" or "));

    [Then("^the Charge Point answers with status (\\w+) or a CALLERROR(?: (\\w+))?$")]
    public void StatusOrError(string status, string? code)
    {
        if (lab.LastAnswer?.Response is CallError error)
        {
            if (!string.IsNullOrEmpty(code) && error.WireCode != code)
            {
                throw new AssertionException($"The Charge Point answered {lab.LastAction} with CALLERROR {error.WireCode}; expected status {status} or CALLERROR {code}.");
            }

            return;
        }

        states.ExpectStatus(status);
    }

    [Then("^the Charge Point answers with (\\S+=.+)$")]
    public void Fields(string checks)
    {
        var mismatch = FieldChecks.Parse(lab.Resolve(checks)).FirstMismatch(lab.AnswerPayload());
        if (mismatch is not null)
        {
            throw new AssertionException($"The Charge Point's {lab.LastAction}.conf: {mismatch}. Answer: {lab.AnswerPayload().GetRawText()}");
        }
    }

    [Then("^the lab remembers (\\S+) of the answer as <(\\w+)>$")]
    public void Remember(string path, string name) =>
        lab.Remember(name, FieldChecks.Find(lab.AnswerPayload(), path) is { } v ? FieldChecks.Render(v) : throw new AssertionException($"The answer has no {path}."));

    [Then("^the Charge Point answers with no unknown keys and every requested key$")]
    public void EveryRequestedKey()
    {
        var answer = lab.AnswerPayload();
        if (answer.TryGetProperty("unknownKey", out var unknown) && unknown.GetArrayLength() > 0)
        {
            throw new AssertionException($"The Charge Point reports unknown keys {unknown.GetRawText()}.");
        }

        var requested = lab.Recall("requestedKeys")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var returned = Keys(answer).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var missing = requested.Where(k => !returned.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            throw new AssertionException($"The Charge Point did not return {string.Join(", ", missing)}.");
        }
    }

    /// <summary>TC_019 round 2: every key of the table, with the readonly flag OCTT checks ("R", "RW" or "R or RW").</summary>
    [Then("^the Charge Point answers with these keys and access:$")]
    public void KeysWithAccess(DataTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var keys = Keys(lab.AnswerPayload()).ToDictionary(k => k.Key, k => k.Readonly, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var row in table.Rows)
        {
            var key = row["key"];
            if (!keys.TryGetValue(key, out var ro))
            {
                problems.Add($"{key} missing");
            }
            else if ((row["access"] == "R" && !ro) || (row["access"] == "RW" && ro))
            {
                problems.Add($"{key} readonly={ro.ToString().ToLowerInvariant()}, expected {row["access"]}");
            }
        }

        if (problems.Count > 0)
        {
            throw new AssertionException($"GetConfiguration.conf: {string.Join("; ", problems)}.");
        }
    }

    /// <summary>TC_019 round 4: asks for min(GetConfigurationMaxKeys, all keys) keys taken from the full list.</summary>
    [When("^the Central System sends GetConfiguration for as many known keys as GetConfigurationMaxKeys allows$")]
    public async Task MaxKeys()
    {
        await lab.SendAsync("GetConfiguration", []);
        var all = Keys(lab.AnswerPayload()).Select(k => k.Key).ToList();
        var max = int.Parse(all.Count > 0 ? lab.Recall("maxKeys") ?? "1" : "1", CultureInfo.InvariantCulture);
        var keys = all.Take(Math.Min(max, all.Count)).ToList();
        lab.Remember("requestedKeys", string.Join(',', keys));
        await lab.SendAsync("GetConfiguration", new JsonObject { ["key"] = new JsonArray([.. keys.Select(k => (JsonNode)k)]) });
    }

    /// <summary>
    /// The common composite checks of TC_056/057/059/066/067/072/082 (octt16-cp.md §3.16): Accepted, the
    /// requested connector, duration and unit, startSchedule within Max Time Deviation of now, and the
    /// periods; a startPeriod written "50-x" is shifted by the seconds since the profiles' back-dated start.
    /// </summary>
    [Then("^the Charge Point answers with a composite schedule for (\\d+) seconds in (A|W):$")]
    public void Composite(int duration, string unit, DataTable periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        states.ExpectStatus("Accepted");
        var answer = lab.AnswerPayload();
        var schedule = answer.GetProperty("chargingSchedule");
        var problems = new List<string>();
        if (FieldChecks.Find(answer, "connectorId") is not { } c || c.GetInt32() != lab.Data.ConnectorId)
        {
            problems.Add("connectorId is not the requested one");
        }

        if (FieldChecks.Find(schedule, "duration") is not { } d || d.GetInt32() != duration)
        {
            problems.Add($"duration is {(FieldChecks.Find(schedule, "duration") is { } dd ? dd.GetRawText() : "absent")}, expected {duration}");
        }

        if (schedule.GetProperty("chargingRateUnit").GetString() != unit)
        {
            problems.Add($"chargingRateUnit is {schedule.GetProperty("chargingRateUnit").GetString()}, expected {unit}");
        }

        if (FieldChecks.Find(answer, "scheduleStart") is not { } start
            || Math.Abs((start.GetDateTimeOffset() - lab.Now).TotalSeconds) > lab.Data.MaxTimeDeviationSeconds)
        {
            if (FieldChecks.Find(schedule, "startSchedule") is not { } s2 || Math.Abs((s2.GetDateTimeOffset() - lab.Now).TotalSeconds) > lab.Data.MaxTimeDeviationSeconds)
            {
                problems.Add("neither scheduleStart nor chargingSchedule.startSchedule is within Max Time Deviation of now");
            }
        }

        var x = lab.SecondsSinceProfilesStart();
        var expected = periods.Rows.Select(r => (Start: Offset(r["startPeriod"], x), Limit: decimal.Parse(r["limit"], CultureInfo.InvariantCulture))).ToList();
        var actual = schedule.GetProperty("chargingSchedulePeriod").EnumerateArray()
            .Select(p => (Start: p.GetProperty("startPeriod").GetInt32(), Limit: p.GetProperty("limit").GetDecimal())).ToList();
        if (!expected.SequenceEqual(actual))
        {
            problems.Add($"periods are {Render(actual)}, expected {Render(expected)} (x = {x} s)");
        }

        if (problems.Count > 0)
        {
            throw new AssertionException($"GetCompositeSchedule.conf: {string.Join("; ", problems)}. Answer: {answer.GetRawText()}");
        }
    }

    private static int Offset(string text, int x) =>
        text.EndsWith("-x", StringComparison.Ordinal) ? int.Parse(text[..^2], CultureInfo.InvariantCulture) - x : int.Parse(text, CultureInfo.InvariantCulture);

    private static string Render(List<(int Start, decimal Limit)> periods) =>
        string.Join(", ", periods.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Start}:{p.Limit:0.###}")));

    private static IEnumerable<(string Key, bool Readonly)> Keys(JsonElement answer) =>
        answer.TryGetProperty("configurationKey", out var keys)
            ? keys.EnumerateArray().Select(k => (k.GetProperty("key").GetString()!, k.TryGetProperty("readonly", out var ro) && ro.ValueKind == JsonValueKind.True))
            : [];
}
