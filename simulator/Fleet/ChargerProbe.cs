using System.Diagnostics;
using OcppLab.Protocol.Framing;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// The frame observer of one charge point: forwards every frame to the fleet's metrics and times the boot
/// (power-on to the first BootNotification.conf Accepted), which needs per-charge-point state.
/// </summary>
internal sealed class ChargerProbe(FleetMetrics metrics) : IFrameObserver
{
    private static readonly byte[] Accepted = "\"Accepted\""u8.ToArray();
    private long poweredOn;
    private int booted;

    /// <summary>Marks the power-on, the start of the boot time.</summary>
    public void PoweredOn() => Volatile.Write(ref poweredOn, Stopwatch.GetTimestamp());

    public void OnFrame(FrameEvent frame)
    {
        metrics.OnFrame(frame);
        if (frame.Direction == FrameDirection.In
            && frame.TypeId == MessageTypeId.CallResult
            && frame.Action == "BootNotification"
            && frame.Frame.Span.IndexOf(Accepted) >= 0
            && Interlocked.Exchange(ref booted, 1) == 0)
        {
            metrics.BootTime.Record(Stopwatch.GetElapsedTime(Volatile.Read(ref poweredOn)));
        }
    }
}
