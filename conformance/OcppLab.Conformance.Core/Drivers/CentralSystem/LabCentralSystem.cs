using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using OcppLab.ChargePoint;
using OcppLab.ChargePoint.Security;
using OcppLab.ChargePoint.Transport;
using OcppLab.Conformance.Support.Gherkin;
using OcppLab.Protocol;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Conformance.Drivers.CentralSystem;

/// <summary>
/// The lab playing OCTT's Central System for one charge-point case: the virtual charge point under test
/// is connected in process (InMemoryConnector) and runs on virtual time; the lab answers its requests from
/// a per-case script, sends the exact requests of the case, and checks the frames the charge point sends
/// with OCTT's reordering tolerance (octt16-cp.md §2.1). Every CS → CP exchange is timed.
/// </summary>
public sealed partial class LabCentralSystem : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly ScenarioContext context;
    private readonly ChargePointFaults faults;
    private readonly Lock gate = new();
    private readonly List<ReceivedFrame> frames = [];
    private readonly Queue<(string Status, int Interval)> boots = new();
    private readonly Dictionary<string, string> configurationBeforeBoot = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> remembered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> idTagInfo = new(StringComparer.OrdinalIgnoreCase);
    private OcppRpcEndpoint? endpoint;
    private int transactionIds = 100;
    private DateTimeOffset? profilesStart;

    // The requests whose consequence is timed for the report, by the action the charge point answers with
    // (RemoteStartTransaction → StartTransaction, ...): when each was sent, wall-clock and virtual.
    private readonly Dictionary<string, (string Trigger, long SentAt, DateTimeOffset VirtualSentAt)> awaitedFollowUps = new(StringComparer.Ordinal);

    public LabCentralSystem(ScenarioContext context, ChargePointFaults faults)
    {
        this.context = context;
        this.faults = faults;
        Data = new ChargePointTestData();
        Template = new ChargePointTemplate
        {
            SerialNumber = "OCPPLAB-SN-CPUT",
            NumberOfConnectors = Data.NumberOfConnectors,
            CallTimeoutSeconds = 30,
        };
        Answer(Data.ValidIdTag, "Accepted");
        Answer(Data.ValidIdTag2, "Accepted");
        Answer(Data.GroupIdTag1, "Accepted", Data.ParentIdTag);
        Answer(Data.GroupIdTag2, "Accepted", Data.ParentIdTag);
        Answer(Data.InvalidIdTag, "Invalid");
    }

    public ChargePointTestData Data { get; }

    public VirtualTime Time { get; } = new();

    /// <summary>What kind of charge point is built at power-on (fixed cable, backup power, profiles).</summary>
    public ChargePointTemplate Template { get; set; }

    /// <summary>The charge point under test; built at the first power-on.</summary>
    public VirtualChargePoint ChargePoint => chargePoint ?? throw new InvalidOperationException("The charge point has not been powered on.");

    public DateTimeOffset Now => Time.Clock.GetUtcNow();

    /// <summary>The transaction id the lab handed out last.</summary>
    public int? TransactionId { get; private set; }

    /// <summary>The answer to the lab's last request.</summary>
    public RawCallOutcome? LastAnswer { get; private set; }

    public string? LastAction { get; private set; }

    /// <summary>The StartTransaction.conf idTagInfo status to send instead of the tag's own (TC_037_2, TC_037_3).</summary>
    public string? StartTransactionStatus { get; set; }

    /// <summary>Actions answered with a CALLERROR.</summary>
    public HashSet<string> Failing { get; } = new(StringComparer.Ordinal);

    private VirtualChargePoint? chargePoint;

    // --- script -------------------------------------------------------------------------------------

    public void AnswerBoot(string status, int interval) => boots.Enqueue((status, interval));

    public void Answer(string idTag, string status, string? parentIdTag = null)
    {
        var info = new JsonObject { ["status"] = status };
        if (parentIdTag is not null)
        {
            info["parentIdTag"] = parentIdTag;
        }

        idTagInfo[idTag] = info;
    }

    /// <summary>A configuration value set by the tester before the case (a configuration state of octt16-cp.md §1.1).</summary>
    public void Configure(string key, string value)
    {
        if (chargePoint is null)
        {
            configurationBeforeBoot[key] = value;
        }
        else
        {
            chargePoint.Configuration.Set(key, value);
        }
    }

    public void Remember(string name, string value) => remembered[name] = value;

    public string? Recall(string name) => remembered.GetValueOrDefault(name);

    // --- time ---------------------------------------------------------------------------------------

    public async Task SettleAsync()
    {
        if (chargePoint is not null)
        {
            await chargePoint.WhenIdleAsync().WaitAsync(Patience);
        }
    }

    /// <summary>Lets virtual time pass one second at a time, settling after each, as the charge point's timers expect.</summary>
    public async Task AdvanceAsync(int seconds)
    {
        await SettleAsync();
        for (var i = 0; i < seconds; i++)
        {
            Time.Advance(TimeSpan.FromSeconds(1));
            await SettleAsync();
        }
    }

    // --- power, network -----------------------------------------------------------------------------

    public async Task PowerOnAsync()
    {
        if (chargePoint is null)
        {
            chargePoint = new VirtualChargePoint(Data.ChargePointId, Template, new InMemoryConnector(Connect), Time.Clock, httpHandler: new LabFileServer(context), random: new Random(1))
            {
                Backoff = new ReconnectBackoff { Initial = TimeSpan.FromSeconds(1), Maximum = TimeSpan.FromSeconds(8), Jitter = 0 },
            };
            foreach (var (key, value) in configurationBeforeBoot)
            {
                chargePoint.Configuration.Set(key, value);
            }

            faults.Apply(chargePoint);
            if (faults.IsNone)
            {
                ChargePointTimings.Run.RecordResponseTimeout(Template.CallTimeoutSeconds);
            }
        }

        context.Log("[tester] power on");
        chargePoint.PowerOn();
        await SettleAsync();
    }

    public async Task CutPowerAsync()
    {
        context.Log("[tester] power cut");
        var cut = ChargePoint.CutPowerAsync();
        await SettleAsync();
        await cut.WaitAsync(Patience);
        await SettleAsync();
    }

    public async Task DropNetworkAsync()
    {
        context.Log("[tester] network cut");
        ChargePoint.DropNetwork();
        await SettleAsync();
    }

    public async Task RestoreNetworkAsync()
    {
        context.Log("[tester] network restored");
        ChargePoint.RestoreNetwork();
        await AdvanceAsync(1);
    }

    /// <summary>Runs a driving action that may wait for the Central System, letting virtual time pass if it must.</summary>
    public async Task DriveAsync(string what, Func<VirtualChargePoint, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        context.Log($"[tester] {what}");
        lock (gate)
        {
            // What follows a tester's action is not the charge point's reaction time alone (e.g. plugging in after a remote start).
            awaitedFollowUps.Clear();
        }

        var task = action(ChargePoint);
        await SettleAsync();
        for (var waited = 0; !task.IsCompleted && waited < Data.MessageTimeoutSeconds; waited++)
        {
            await AdvanceAsync(1);
        }

        await task.WaitAsync(Patience);
        await SettleAsync();
    }

    public Task DriveAsync(string what, Action<VirtualChargePoint> action) =>
        DriveAsync(what, cp =>
        {
            action(cp);
            return Task.CompletedTask;
        });

    // --- CS → CP ------------------------------------------------------------------------------------

    /// <summary>Sends a request exactly as given (placeholders already resolved) and keeps the answer.</summary>
    public async Task<RawCallOutcome> SendAsync(string action, JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        await SettleAsync();
        var current = endpoint;
        if (current is null || current.IsClosed)
        {
            throw new AssertionException($"The lab cannot send {action}: the Charge Point is not connected.");
        }

        context.Log($"CS → CP {action} {payload.ToJsonString()}");
        LastAction = action;
        var started = Stopwatch.GetTimestamp();
        AwaitFollowUp(action, payload, started);
        RawCallOutcome outcome;
        if (faults.AnswerInstead?.Invoke(action, payload) is { } fake)
        {
            outcome = new RawCallOutcome(new CallResult("fault", JsonSerializer.SerializeToElement(fake)), null, TimeSpan.Zero);
        }
        else
        {
            var heard = faults.RewriteCall?.Invoke(action, (JsonObject)payload.DeepClone()) ?? payload;
            var call = current.CallRawAsync(action, JsonSerializer.SerializeToElement(heard));
            await SettleAsync();
            outcome = await call.WaitAsync(Patience);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (faults.IsNone)
        {
            // A charge point with injected defects is not the one under test: its times stay out of the report.
            ChargePointTimings.Run.Record(action, elapsed, outcome.Response is CallResult);
        }

        if (!(outcome.Response is CallResult accepted && accepted.Payload.ValueKind == JsonValueKind.Object
            && accepted.Payload.TryGetProperty("status", out var status) && status.ValueEquals("Accepted")))
        {
            ForgetFollowUp(action);
        }

        context.Log(outcome.Response switch
        {
            CallResult r => $"CP → CS {action}.conf {r.Payload.GetRawText()} ({elapsed.TotalMilliseconds:0.0} ms)",
            CallError e => $"CP → CS {action} CALLERROR {e.WireCode} {e.Description} ({elapsed.TotalMilliseconds:0.0} ms)",
            var f => $"CP → CS {action} {f}",
        });
        LastAnswer = outcome;
        await SettleAsync();
        return outcome;
    }

    /// <summary>The last answer's payload; a CALLERROR or a schema violation fails the check.</summary>
    public JsonElement AnswerPayload()
    {
        var answer = LastAnswer ?? throw new InvalidOperationException("The lab has sent nothing yet.");
        return answer.Response switch
        {
            CallResult r when answer.Violation is null => r.Payload,
            CallResult when answer.Violation is { } v => throw new AssertionException($"The Charge Point's {LastAction}.conf violates its schema: {v}."),
            CallError e => throw new AssertionException($"The Charge Point answered {LastAction} with CALLERROR {e.WireCode} ({e.Description})."),
            _ => throw new AssertionException($"The Charge Point answered {LastAction} with {answer.Response}."),
        };
    }

    /// <summary>Starts the clock for the message <paramref name="action"/> should make the charge point send.</summary>
    private void AwaitFollowUp(string action, JsonObject payload, long sentAt)
    {
        var result = action switch
        {
            "RemoteStartTransaction" => "StartTransaction",
            "RemoteStopTransaction" => "StopTransaction",
            "TriggerMessage" => payload["requestedMessage"]?.GetValueKind() == JsonValueKind.String ? payload["requestedMessage"]!.GetValue<string>() : null,
            _ => null,
        };
        if (result is null)
        {
            return;
        }

        lock (gate)
        {
            awaitedFollowUps[result] = (action, sentAt, Now);
        }
    }

    /// <summary>A request the charge point did not accept causes nothing to time.</summary>
    private void ForgetFollowUp(string action)
    {
        lock (gate)
        {
            foreach (var key in awaitedFollowUps.Where(p => p.Value.Trigger == action).Select(p => p.Key).ToList())
            {
                awaitedFollowUps.Remove(key);
            }
        }
    }

    // --- placeholders -------------------------------------------------------------------------------

    /// <summary>Replaces the &lt;name&gt; placeholders of a feature with this case's values.</summary>
    public string Resolve(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().Replace(text, m => Value(m.Groups[1].Value));
    }

    private string Value(string name)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (name.StartsWith("now", StringComparison.Ordinal))
        {
            var offset = name[3..] switch
            {
                "" => 0,
                "-MaxDev" => -Data.MaxTimeDeviationSeconds,
                "+expiry" => Data.ReservationExpiryOffsetSeconds,
                var o => int.Parse(o, NumberStyles.AllowLeadingSign, invariant),
            };
            var at = Now.AddSeconds(offset);
            if (name == "now-MaxDev")
            {
                profilesStart ??= at;
            }

            return at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", invariant);
        }

        return name switch
        {
            "connectorId" => Data.ConnectorId.ToString(invariant),
            "otherConnectorId" => (Data.ConnectorId % Data.NumberOfConnectors + 1).ToString(invariant),
            "numberOfConnectors+1" => (Data.NumberOfConnectors + 1).ToString(invariant),
            "unknownConnectorId" => Data.UnknownConnectorId.ToString(invariant),
            "validIdTag" => Data.ValidIdTag,
            "validIdTag2" => Data.ValidIdTag2,
            "groupIdTag1" => Data.GroupIdTag1,
            "groupIdTag2" => Data.GroupIdTag2,
            "parentIdTag" => Data.ParentIdTag,
            "invalidIdTag" => Data.InvalidIdTag,
            "transactionId" => (TransactionId ?? throw new AssertionException("No transaction has been started.")).ToString(invariant),
            "unknownTransactionId" => Data.UnknownTransactionId.ToString(invariant),
            "reservationId" => Data.ReservationId.ToString(invariant),
            "otherReservationId" => (Data.ReservationId + 1).ToString(invariant),
            "heartbeatInterval" => Data.HeartbeatIntervalSeconds.ToString(invariant),
            "meterValueSampleInterval" => Data.MeterValueSampleIntervalSeconds.ToString(invariant),
            "clockAlignedDataInterval" => Data.ClockAlignedDataIntervalSeconds.ToString(invariant),
            "connectionTimeOut" => Data.ConnectionTimeOutSeconds.ToString(invariant),
            "transactionDuration" => Data.TransactionDurationSeconds.ToString(invariant),
            "reservationExpiryOffset" => Data.ReservationExpiryOffsetSeconds.ToString(invariant),
            "firmwareUrl" => Data.FirmwareUrl,
            "invalidFirmwareUrl" => Data.InvalidFirmwareUrl,
            "logLocation" => Data.LogLocation,
            _ => remembered.TryGetValue(name, out var value) ? value : throw new FormatException($"Unknown placeholder <{name}>."),
        };
    }

    /// <summary>x of TC_066/067/072: seconds since the back-dated start of the profiles.</summary>
    public int SecondsSinceProfilesStart() =>
        (int)Math.Round((Now - (profilesStart ?? Now)).TotalSeconds);

    [GeneratedRegex("<([A-Za-z0-9+\\-]+)>")]
    private static partial Regex Placeholder();

    // --- CP → CS ------------------------------------------------------------------------------------

    /// <summary>
    /// What the charge point presented at each connection (security profile, Basic credentials, client
    /// certificate): the in-process connection has no HTTP upgrade or TLS handshake to look at.
    /// </summary>
    public IReadOnlyList<TransportSecurity> Connections
    {
        get
        {
            lock (gate)
            {
                return [.. connections];
            }
        }
    }

    private readonly List<TransportSecurity> connections = [];

    private OcppRpcEndpoint Connect(string chargePointId)
    {
        if (chargePoint is { } connecting)
        {
            lock (gate)
            {
                connections.Add(connecting.ConnectionSecurity);
            }
        }

        var connection = new OcppRpcEndpoint(chargePointId, new Dispatcher(this), new OcppRpcOptions { CallTimeout = TimeSpan.FromSeconds(30) }, Time.Clock);
        endpoint = connection;
        context.Log($"[lab] {chargePointId} connected");
        return connection;
    }

    private JsonObject Handle(string action, JsonElement payload)
    {
        if (faults.RewriteRequest is { } rewrite && JsonNode.Parse(payload.GetRawText()) is JsonObject original)
        {
            payload = JsonSerializer.SerializeToElement(rewrite(action, original));
        }

        string? violation = null;
        if (OcppActions.TryGet(action, out var descriptor))
        {
            violation = descriptor.RequestSchema.Validate(payload)?.ToString();
        }

        lock (gate)
        {
            frames.Add(new ReceivedFrame(frames.Count + 1, action, payload.Clone(), Now, violation));
            if (awaitedFollowUps.Remove(action, out var awaited) && faults.IsNone)
            {
                ChargePointTimings.Run.RecordFollowUp(awaited.Trigger, action, Stopwatch.GetElapsedTime(awaited.SentAt), Now - awaited.VirtualSentAt);
            }
        }

        context.Log($"CP → CS {action} {payload.GetRawText()}{(violation is null ? "" : $" (schema violation: {violation})")}");
        if (Failing.Contains(action))
        {
            throw new OcppCallErrorException(OcppErrorCode.InternalError, "scripted by the case");
        }

        var now = JsonValue.Create(Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        var answer = action switch
        {
            "BootNotification" => Boot(now),
            "Heartbeat" => new JsonObject { ["currentTime"] = now },
            "Authorize" => new JsonObject { ["idTagInfo"] = InfoFor(payload.GetProperty("idTag").GetString()!) },
            "StartTransaction" => StartTransaction(payload),
            "StopTransaction" => payload.TryGetProperty("idTag", out var stopTag)
                ? new JsonObject { ["idTagInfo"] = InfoFor(stopTag.GetString()!) }
                : [],
            "DataTransfer" => new JsonObject { ["status"] = "UnknownVendorId" },
            "SignCertificate" => new JsonObject { ["status"] = "Accepted" },
            _ => [],
        };
        context.Log($"CS → CP {action}.conf {answer.ToJsonString()}");
        return answer;
    }

    private JsonObject Boot(JsonValue now)
    {
        var (status, interval) = boots.Count > 0 ? boots.Dequeue() : ("Accepted", Data.HeartbeatIntervalSeconds);
        return new JsonObject { ["status"] = status, ["currentTime"] = now, ["interval"] = interval };
    }

    private JsonObject StartTransaction(JsonElement payload)
    {
        var info = InfoFor(payload.GetProperty("idTag").GetString()!);
        if (StartTransactionStatus is { } status)
        {
            info["status"] = status;
        }

        var id = Interlocked.Increment(ref transactionIds);
        TransactionId = id;
        return new JsonObject { ["idTagInfo"] = info, ["transactionId"] = id };
    }

    private JsonObject InfoFor(string idTag) =>
        idTagInfo.TryGetValue(idTag, out var info) ? (JsonObject)info.DeepClone() : new JsonObject { ["status"] = "Invalid" };

    // --- frames -------------------------------------------------------------------------------------

    /// <summary>The frames the charge point sent, in arrival order.</summary>
    public IReadOnlyList<ReceivedFrame> Frames
    {
        get
        {
            lock (gate)
            {
                return [.. frames];
            }
        }
    }

    /// <summary>Marks every frame received so far as seen: what a reusable state consumed is not checked again.</summary>
    public void ConsumeAll()
    {
        lock (gate)
        {
            foreach (var frame in frames)
            {
                frame.Consumed = true;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (chargePoint is not null)
        {
            await chargePoint.DisposeAsync();
        }
    }

    private sealed class Dispatcher(LabCentralSystem lab) : IOcppCallDispatcher
    {
        public ValueTask<InboundCallOutcome> DispatchAsync(Call call, CancellationToken cancellationToken)
        {
            try
            {
                var answer = lab.Handle(call.Action, call.Payload);
                return ValueTask.FromResult(new InboundCallOutcome(FrameWriter.CallResult(call.MessageId, JsonSerializer.SerializeToElement(answer)), null));
            }
            catch (OcppCallErrorException e)
            {
                return ValueTask.FromResult(new InboundCallOutcome(FrameWriter.CallError(call.MessageId, e.Code, e.Description), e.Code));
            }
        }
    }
}

/// <summary>One request the charge point sent, when (virtual time) and whether a check has used it.</summary>
public sealed record ReceivedFrame(int Sequence, string Action, JsonElement Payload, DateTimeOffset At, string? SchemaViolation)
{
    public bool Consumed { get; set; }

    public override string ToString() => $"#{Sequence} {Action} {Payload.GetRawText()}";
}
