using System.Globalization;
using OcppLab.Conformance.Drivers.CentralSystem;

namespace OcppLab.Conformance.StepDefinitions.ChargePoint;

/// <summary>Checks on the frames the charge point under test sends (CP → CS).</summary>
[Binding]
public sealed class ChargePointUnderTestSteps(LabCentralSystem lab)
{
    [Then("^the Charge Point sends (\\w+)$")]
    public Task Sends(string action) => lab.ExpectAsync(action, FieldChecks.None);

    [Then("^the Charge Point sends (\\w+) with (.+)$")]
    public Task SendsWith(string action, string checks) => lab.ExpectAsync(action, Checks(checks));

    [Then("^the Charge Point eventually sends (\\w+)$")]
    public Task Eventually(string action) => lab.EventuallyAsync(action, FieldChecks.None, lab.Data.MessageTimeoutSeconds);

    [Then("^the Charge Point eventually sends (\\w+) with (.+)$")]
    public Task EventuallyWith(string action, string checks) => lab.EventuallyAsync(action, Checks(checks), lab.Data.MessageTimeoutSeconds);

    /// <summary>A frame a reusable state already checked, checked again for the fields this case adds (e.g. reservationId).</summary>
    [Then("^the Charge Point sent (\\w+) with (.+)$")]
    public void Sent(string action, string checks)
    {
        var frame = lab.Frames.LastOrDefault(f => f.Action == action) ?? throw new AssertionException($"The Charge Point sent no {action}.");
        if (Checks(checks).FirstMismatch(frame.Payload) is { } mismatch)
        {
            throw new AssertionException($"{action}: {mismatch}. Frame: {frame}");
        }
    }

    [Then("^the Charge Point sends no (\\w+) within (\\d+|<\\w+>) seconds$")]
    public Task None(string action, string seconds) => lab.ExpectNoneAsync(action, FieldChecks.None, Seconds(seconds));

    [Then("^the Charge Point sends no (\\w+) with (.+) within (\\d+|<\\w+>) seconds$")]
    public Task NoneWith(string action, string checks, string seconds) => lab.ExpectNoneAsync(action, Checks(checks), Seconds(seconds));

    [Then("^the Charge Point sends nothing for (\\d+|<\\w+>) seconds$")]
    public Task Silence(string seconds) => lab.ExpectSilenceAsync(Seconds(seconds));

    [Then("^the Charge Point reports connector 0 and every connector with status (\\w+(?:\\|\\w+)*)$")]
    public async Task EveryConnector(string status)
    {
        for (var c = 0; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={c}, status={status}"), lab.Data.MessageTimeoutSeconds);
        }
    }

    [Then("^the Charge Point reports every other connector with status (\\w+(?:\\|\\w+)*)$")]
    public async Task OtherConnectors(string status)
    {
        for (var c = 0; c <= lab.ChargePoint.NumberOfConnectors; c++)
        {
            if (c != lab.Data.ConnectorId)
            {
                await lab.EventuallyAsync("StatusNotification", Checks($"connectorId={c}, status={status}"), lab.Data.MessageTimeoutSeconds);
            }
        }
    }

    /// <summary>
    /// A periodic message (heartbeats, TC_001; meter values, TC_070/071/036): <paramref name="count"/> more of
    /// them, each the interval after the one before, by arrival for heartbeats and by meter value timestamp otherwise.
    /// </summary>
    [Then("^the Charge Point sends (\\w+) every (\\d+|<\\w+>) seconds, (\\d+) times$")]
    public async Task Every(string action, string interval, int count)
    {
        var seconds = Seconds(interval);
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            var frame = await lab.EventuallyAsync(action, FieldChecks.None, seconds + lab.Data.MessageTimeoutSeconds);
            times.Add(action == "MeterValues" ? frame.Payload.GetProperty("meterValue")[0].GetProperty("timestamp").GetDateTimeOffset() : frame.At);
        }

        for (var i = 1; i < times.Count; i++)
        {
            var gap = (times[i] - times[i - 1]).TotalSeconds;
            if (Math.Abs(gap - seconds) > 0.5)
            {
                throw new AssertionException(string.Create(CultureInfo.InvariantCulture, $"{action} #{i + 1} came {gap:0.###} s after the one before; expected every {seconds} s."));
            }
        }

        lab.Remember($"last{action}Times", string.Join(',', times.Select(t => t.ToUnixTimeSeconds())));
    }

    [Then("^the MeterValues timestamps are aligned to (\\d+|<\\w+>) seconds$")]
    public void Aligned(string interval)
    {
        var seconds = Seconds(interval);
        var times = (lab.Recall("lastMeterValuesTimes") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(t => long.Parse(t, CultureInfo.InvariantCulture));
        var off = times.Where(t => t % seconds != 0).ToList();
        if (off.Count > 0)
        {
            throw new AssertionException($"MeterValues timestamps {string.Join(", ", off.Select(t => DateTimeOffset.FromUnixTimeSeconds(t).ToString("HH:mm:ss", CultureInfo.InvariantCulture)))} are not on {seconds} s boundaries.");
        }
    }

    /// <summary>TC_070/071: one sampled value per configured measurand (Energy.Active.Import.Register when the key is empty), with the context.</summary>
    [Then("^every MeterValues sent in the transaction has one sampled value per measurand of (\\w+) with context (\\S+)$")]
    public void Measurands(string key, string readingContext)
    {
        var configured = (lab.ChargePoint.Configuration.Get(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var measurands = configured.Length == 0 ? ["Energy.Active.Import.Register"] : configured;
        var sent = lab.Frames.Where(f => f.Action == "MeterValues" && f.Payload.TryGetProperty("transactionId", out _)).ToList();
        if (sent.Count == 0)
        {
            throw new AssertionException("The Charge Point sent no transaction MeterValues.");
        }

        foreach (var frame in sent)
        {
            var values = frame.Payload.GetProperty("meterValue")[0].GetProperty("sampledValue").EnumerateArray().ToList();
            var seen = values.Select(v => v.TryGetProperty("measurand", out var m) ? m.GetString()! : "Energy.Active.Import.Register").ToList();
            var contexts = values.Select(v => v.TryGetProperty("context", out var c) ? c.GetString()! : "Sample.Periodic").Distinct().ToList();
            if (!seen.Order().SequenceEqual(measurands.Order()) || contexts.Count != 1 || contexts[0] != readingContext)
            {
                throw new AssertionException($"MeterValues {frame} has measurands [{string.Join(", ", seen)}] in context [{string.Join(", ", contexts)}]; expected [{string.Join(", ", measurands)}] in {readingContext}.");
            }
        }
    }

    private int Seconds(string text) => int.Parse(lab.Resolve(text), CultureInfo.InvariantCulture);

    private FieldChecks Checks(string text) => FieldChecks.Parse(lab.Resolve(text));
}
