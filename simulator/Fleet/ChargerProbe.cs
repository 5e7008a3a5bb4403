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
    private int connected;

    /// <summary>Marks the first power-on, the start of the boot time.</summary>
    public void PoweredOn()
    {
        Volatile.Write(ref poweredOn, Stopwatch.GetTimestamp());
        metrics.FirstPowerOn();
    }

    public void OnFrame(FrameEvent frame)
    {
        metrics.OnFrame(frame);
        if (frame.Direction == FrameDirection.Out && Volatile.Read(ref connected) == 0 && Interlocked.Exchange(ref connected, 1) == 0)
        {
            metrics.FirstConnection(); // the first frame a charge point sends is on its first connection
        }

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
