using System.Diagnostics.Metrics;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Observability;

/// <summary>The Central System's metrics (System.Diagnostics.Metrics, meter <c>OcppLab.Csms</c>).</summary>
public sealed class CsmsMetrics : IDisposable
{
    /// <summary>The meter name, for exporters.</summary>
    public const string MeterName = "OcppLab.Csms";

    private readonly Meter meter;
    private readonly Counter<long> frames;
    private readonly Counter<long> badFrames;
    private readonly Histogram<double> handlingTime;
    private readonly Histogram<double> roundTrip;
    private readonly UpDownCounter<long> connections;
    private readonly Counter<long> transactionAnomalies;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public CsmsMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        frames = meter.CreateCounter<long>("ocpp.frames", description: "OCPP-J frames received and sent");
        badFrames = meter.CreateCounter<long>("ocpp.frames.bad", description: "Received frames that failed the staged checks");
        handlingTime = meter.CreateHistogram<double>("ocpp.inbound.duration", unit: "ms", description: "Time from a station's CALL arriving to our answer being queued");
        roundTrip = meter.CreateHistogram<double>("ocpp.outbound.duration", unit: "ms", description: "Round trip of Central-System-initiated calls");
        connections = meter.CreateUpDownCounter<long>("ocpp.connections", description: "Connected charge points");
        transactionAnomalies = meter.CreateCounter<long>(
            "ocpp.transactions.anomalies",
            description: "Transactions superseded on their connector, running at a reboot, and stops without a known start, repeated or from another station");
    }

    /// <summary>Counts a frame and, for answers, its timing.</summary>
    public void Record(FrameEvent frame)
    {
        var direction = frame.Direction == FrameDirection.In ? "in" : "out";
        if (frame.Fault is not null)
        {
            badFrames.Add(1, new KeyValuePair<string, object?>("stage", frame.Fault.Stage.ToString()));
            return;
        }

        frames.Add(1, new("direction", direction), new("action", frame.Action), new("type", TypeName(frame.TypeId)));
        if (frame.RoundTrip is { } elapsed && frame.TypeId is MessageTypeId.CallResult or MessageTypeId.CallError)
        {
            var histogram = frame.Direction == FrameDirection.Out ? handlingTime : roundTrip;
            histogram.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("action", frame.Action));
        }
    }

    // The same strings as MessageTypeId.ToString(), without boxing the enum for every frame.
    private static string? TypeName(MessageTypeId? type) => type switch
    {
        MessageTypeId.Call => nameof(MessageTypeId.Call),
        MessageTypeId.CallResult => nameof(MessageTypeId.CallResult),
        MessageTypeId.CallError => nameof(MessageTypeId.CallError),
        null => null,
        _ => type.ToString(),
    };

    /// <summary>A station connected.</summary>
    public void Connected() => connections.Add(1);

    /// <summary>A station disconnected.</summary>
    public void Disconnected() => connections.Add(-1);

    /// <summary>Counts a transaction anomaly of <paramref name="kind"/> (the tag values are TransactionAnomalies' constants).</summary>
    public void TransactionAnomaly(string kind) => transactionAnomalies.Add(1, new KeyValuePair<string, object?>("kind", kind));

    /// <inheritdoc/>
    public void Dispose() => meter.Dispose();
}
