namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// Checks on what the charge point sends. A check takes the next unchecked frame, skipping what OCTT lets
/// pass in between (octt16-cp.md §2.1): Heartbeats, MeterValues when it is not what the case waits for,
/// StatusNotification(Charging/Finishing) around Start/StopTransaction, and status reports of other
/// connectors. Anything else in the way fails the case. When nothing has come yet, virtual time runs on
/// up to OCTT's message timeout.
/// </summary>
public sealed partial class LabCentralSystem
{
    /// <summary>Waits for the next <paramref name="action"/> matching <paramref name="checks"/>, in order.</summary>
    public Task<ReceivedFrame> ExpectAsync(string action, FieldChecks checks) => ExpectAsync(action, checks, strict: true, Data.MessageTimeoutSeconds);

    /// <summary>As <see cref="ExpectAsync(string, FieldChecks)"/>, but any other frame may come first (steps marked "eventually").</summary>
    public Task<ReceivedFrame> EventuallyAsync(string action, FieldChecks checks, int withinSeconds) => ExpectAsync(action, checks, strict: false, withinSeconds);

    private async Task<ReceivedFrame> ExpectAsync(string action, FieldChecks checks, bool strict, int withinSeconds)
    {
        var started = Now;
        for (var waited = 0; ; waited++)
        {
            await SettleAsync();
            foreach (var frame in Frames.Where(f => !f.Consumed))
            {
                var mismatch = frame.Action == action ? checks.FirstMismatch(frame.Payload) : "another action";
                if (mismatch is null)
                {
                    if (frame.SchemaViolation is { } violation)
                    {
                        throw new AssertionException($"The Charge Point's {action} violates the 1.6 schema: {violation}. Frame: {frame}");
                    }

                    frame.Consumed = true;
                    return frame;
                }

                if (strict && !MayComeBetween(action, checks, frame))
                {
                    throw new AssertionException(
                        $"Expected {Describe(action, checks)}, but the Charge Point sent {frame} ({(frame.Action == action ? mismatch : "out of order")}).");
                }
            }

            if (waited >= withinSeconds)
            {
                throw new AssertionException($"The Charge Point sent no {Describe(action, checks)} within {(Now - started).TotalSeconds:0} s.");
            }

            await AdvanceAsync(1);
        }
    }

    /// <summary>Fails if an unchecked <paramref name="action"/> matching <paramref name="checks"/> arrives within the given virtual seconds.</summary>
    public async Task ExpectNoneAsync(string action, FieldChecks checks, int seconds)
    {
        await AdvanceAsync(seconds);
        var sent = Frames.FirstOrDefault(f => !f.Consumed && f.Action == action && checks.FirstMismatch(f.Payload) is null);
        if (sent is not null)
        {
            throw new AssertionException($"The Charge Point sent {sent}; the case expects no {Describe(action, checks)}.");
        }
    }

    /// <summary>Fails if the charge point sends anything at all within the given virtual seconds (a Rejected boot, OCPP 1.6 §4.2.1).</summary>
    public async Task ExpectSilenceAsync(int seconds)
    {
        await AdvanceAsync(seconds);
        var sent = Frames.FirstOrDefault(f => !f.Consumed);
        if (sent is not null)
        {
            throw new AssertionException($"The Charge Point sent {sent} at {sent.At:HH:mm:ss}; the case expects nothing for {seconds} s.");
        }
    }

    private static bool MayComeBetween(string expected, FieldChecks checks, ReceivedFrame frame)
    {
        if (frame.Action == "Heartbeat" && expected != "Heartbeat")
        {
            return true;
        }

        if (frame.Action == "MeterValues" && expected != "MeterValues")
        {
            return true;
        }

        if (expected == "StatusNotification")
        {
            // Charging may follow or precede StartTransaction, Finishing StopTransaction (§2.1); a report of
            // another connector says nothing about the one checked.
            return frame.Action is "StartTransaction" or "StopTransaction"
                || (frame.Action == "StatusNotification" && checks.Text.Contains("connectorId=", StringComparison.Ordinal)
                    && checks.FirstMismatch(frame.Payload) is { } m && m.StartsWith("connectorId ", StringComparison.Ordinal));
        }

        // Status reports in between are shown to the tester by OCTT, not failed (MinimumStatusDuration, §2.1).
        return frame.Action == "StatusNotification";
    }

    private static string Describe(string action, FieldChecks checks) =>
        checks.Text.Length == 0 ? action : $"{action} with {checks.Text}";
}
