using System.Globalization;
using System.Text;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Simulator.Cli;

/// <summary>Prints one line per frame: time, direction, message type, action, round trip and the payload.</summary>
internal sealed class TrafficPrinter(TextWriter output) : IFrameObserver
{
    private const int MaxPayload = 400;
    private readonly Lock sync = new();

    public void OnFrame(FrameEvent frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var arrow = frame.Direction == FrameDirection.Out ? "->" : "<-";
        var type = frame.TypeId?.ToString() ?? "?";
        var roundTrip = frame.RoundTrip is { } rt ? rt.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : string.Empty;
        var text = Encoding.UTF8.GetString(frame.Frame.Span);
        if (text.Length > MaxPayload)
        {
            text = string.Concat(text.AsSpan(0, MaxPayload), "…");
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{frame.Timestamp:HH:mm:ss.fff} {arrow} {type,-10} {frame.Action ?? "-",-30} {roundTrip,8}  {text}");
        lock (sync)
        {
            output.WriteLine(line);
        }
    }
}
