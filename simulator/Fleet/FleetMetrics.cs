using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// What the fleet measures: calls and answers per action with a latency histogram each, connect and boot
/// times, and errors by kind. Everything is interlocked counters and lock-free histograms, so recording costs
/// a few atomic increments per frame. The same figures are published on a <see cref="Meter"/> for OTLP.
/// </summary>
public sealed class FleetMetrics : IDisposable
{
    /// <summary>The meter name, for metrics exporters.</summary>
    public const string MeterName = "OcppLab.Simulator.Fleet";

    private readonly ConcurrentDictionary<string, ActionMetrics> actions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ErrorCount> errors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ErrorCount> inbound = new(StringComparer.Ordinal);
    private readonly Meter meter = new(MeterName);
    private readonly Histogram<double> callDuration;
    private long callsOut;
    private long answers;
    private long callsIn;
    private long bytesOut;
    private long bytesIn;
    private long poweredOn;
    private long connected;

    public FleetMetrics()
    {
        callDuration = meter.CreateHistogram<double>("ocpplab.fleet.call.duration", "s", "Round trip of the calls the charge points send, by action.");
        meter.CreateObservableCounter("ocpplab.fleet.calls", () => CallsOut, description: "Calls sent by the charge points.");
        meter.CreateObservableCounter("ocpplab.fleet.errors", () => errors.Select(e => new Measurement<long>(e.Value.Value, new KeyValuePair<string, object?>("kind", e.Key))), description: "Errors by kind.");
    }

    /// <summary>The firmware campaigns' UpdateFirmwares and the FirmwareStatusNotifications.</summary>
    public FirmwareCounts Firmware { get; } = new();

    /// <summary>Connect time of each successful connection.</summary>
    public LatencyHistogram ConnectTime { get; } = new();

    /// <summary>From power-on to the first accepted BootNotification, per charge point.</summary>
    public LatencyHistogram BootTime { get; } = new();

    /// <summary>The meter the figures are published on (gauges are added by the fleet).</summary>
    public Meter Meter => meter;

    /// <summary>CALLs sent by the charge points.</summary>
    public long CallsOut => Interlocked.Read(ref callsOut);

    /// <summary>CALLRESULTs and CALLERRORs received for them.</summary>
    public long Answers => Interlocked.Read(ref answers);

    /// <summary>CALLs received from the Central System.</summary>
    public long CallsIn => Interlocked.Read(ref callsIn);

    /// <summary>Charge points powered on at least once.</summary>
    public long ChargersPoweredOn => Interlocked.Read(ref poweredOn);

    /// <summary>Charge points that opened a connection at least once.</summary>
    public long ChargersConnected => Interlocked.Read(ref connected);

    /// <summary>Bytes of frames sent.</summary>
    public long BytesOut => Interlocked.Read(ref bytesOut);

    /// <summary>Bytes of frames received.</summary>
    public long BytesIn => Interlocked.Read(ref bytesIn);

    /// <summary>All errors so far.</summary>
    public long ErrorTotal => errors.Values.Sum(e => e.Value);

    /// <summary>The actions seen, by name.</summary>
    public IReadOnlyDictionary<string, ActionMetrics> Actions => actions;

    /// <summary>CALLs received from the Central System, by action.</summary>
    public IReadOnlyDictionary<string, long> CallsInByAction => inbound.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal);

    /// <summary>Errors by kind.</summary>
    public IReadOnlyDictionary<string, long> Errors => errors.ToDictionary(e => e.Key, e => e.Value.Value, StringComparer.Ordinal);

    /// <summary>Counts a charge point powered on for the first time.</summary>
    public void FirstPowerOn() => Interlocked.Increment(ref poweredOn);

    /// <summary>Counts a charge point's first connection.</summary>
    public void FirstConnection() => Interlocked.Increment(ref connected);

    /// <summary>Counts an error of a kind (a short, bounded name: it becomes a metric label).</summary>
    public void Error(string kind) => errors.GetOrAdd(kind, static _ => new ErrorCount()).Increment();

    /// <summary>Records one frame of one charge point.</summary>
    public void OnFrame(FrameEvent frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Direction == FrameDirection.Out)
        {
            Interlocked.Add(ref bytesOut, frame.Frame.Length);
            if (frame.TypeId == MessageTypeId.Call)
            {
                Interlocked.Increment(ref callsOut);
                For(frame.Action).Sent();
                if (frame.Action == "FirmwareStatusNotification")
                {
                    Firmware.OnStatusNotification(frame.Frame.Span);
                }
            }
            else if (frame.TypeId == MessageTypeId.CallError)
            {
                Error("sent CALLERROR " + (ErrorCodeOf(frame.Frame.Span) ?? "?"));
            }

            return;
        }

        Interlocked.Add(ref bytesIn, frame.Frame.Length);
        if (frame.Fault is not null)
        {
            Error("bad frame received");
            return;
        }

        switch (frame.TypeId)
        {
            case MessageTypeId.Call:
                Interlocked.Increment(ref callsIn);
                inbound.GetOrAdd(frame.Action ?? "?", static _ => new ErrorCount()).Increment();
                break;
            case MessageTypeId.CallResult:
                Answered(frame);
                break;
            case MessageTypeId.CallError:
                Answered(frame);
                Error($"CALLERROR {frame.Action ?? "?"} {ErrorCodeOf(frame.Frame.Span) ?? "?"}");
                break;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => meter.Dispose();

    private void Answered(FrameEvent frame)
    {
        Interlocked.Increment(ref answers);
        if (frame.RoundTrip is { } roundTrip)
        {
            For(frame.Action).Latency.Record(roundTrip);
            if (callDuration.Enabled)
            {
                callDuration.Record(roundTrip.TotalSeconds, new KeyValuePair<string, object?>("action", frame.Action ?? "?"));
            }
        }
    }

    private ActionMetrics For(string? action) => actions.GetOrAdd(action ?? "?", static _ => new ActionMetrics());

    /// <summary>The error code of a CALLERROR frame: [4, "id", "code", ...].</summary>
    private static string? ErrorCodeOf(ReadOnlySpan<byte> frame)
    {
        var reader = new System.Text.Json.Utf8JsonReader(frame);
        try
        {
            var element = -1;
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType is not (System.Text.Json.JsonTokenType.StartArray or System.Text.Json.JsonTokenType.StartObject))
                {
                    element++;
                    if (element == 2)
                    {
                        return reader.TokenType == System.Text.Json.JsonTokenType.String ? reader.GetString() : null;
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return null;
    }

    private sealed class ErrorCount
    {
        private long value;

        public long Value => Interlocked.Read(ref value);

        public void Increment() => Interlocked.Increment(ref value);
    }
}
