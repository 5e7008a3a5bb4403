using System.Globalization;
using OcppLab.ChargePoint;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Simulator.Cli;

/// <summary>Drives a charge point from text commands typed on standard input (the driving API by hand).</summary>
internal static class ConsoleDriver
{
    /// <summary>Reads commands until end of input, "quit", or cancellation.</summary>
    public static async Task RunAsync(VirtualChargePoint chargePoint, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var line = await input.ReadLineAsync(cancellationToken);
            if (line is null)
            {
                // No input attached: run until stopped.
                var stopped = new TaskCompletionSource();
                await using (cancellationToken.Register(() => stopped.TrySetResult()))
                {
                    await stopped.Task;
                }

                return;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words is ["quit" or "exit"])
            {
                return;
            }

            try
            {
                output.WriteLine(await ExecuteAsync(chargePoint, words, cancellationToken));
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                output.WriteLine($"? {e.Message}");
            }
        }
    }

    private static async Task<string> ExecuteAsync(VirtualChargePoint cp, string[] words, CancellationToken cancellationToken)
    {
        switch (words)
        {
            case ["plug", var c]:
                cp.PlugIn(Connector(c));
                return "plugged in";
            case ["unplug", var c]:
                cp.Unplug(Connector(c));
                return "unplugged";
            case ["ev-unplug", var c]:
                cp.UnplugEvSide(Connector(c));
                return "unplugged at the EV side";
            case ["card", var c, var idTag]:
                return "card: " + await cp.PresentIdTagAsync(Connector(c), idTag, cancellationToken);
            case ["suspend", var c]:
                cp.SetEvSuspended(Connector(c), true);
                return "EV suspended";
            case ["resume", var c]:
                cp.SetEvSuspended(Connector(c), false);
                return "EV resumed";
            case ["fault", var c, ..]:
                cp.Fault(int.Parse(c, CultureInfo.InvariantCulture), words.Length > 2 ? Enum.Parse<ChargePointErrorCode>(words[2], ignoreCase: true) : ChargePointErrorCode.OtherError);
                return "faulted";
            case ["clear-fault", var c]:
                cp.ClearFault(int.Parse(c, CultureInfo.InvariantCulture));
                return "fault cleared";
            case ["offline"]:
                cp.DropNetwork();
                return "network down";
            case ["online"]:
                cp.RestoreNetwork();
                return "network up";
            case ["power-off"]:
                await cp.CutPowerAsync(cancellationToken);
                return "power off";
            case ["power-on"]:
                cp.RestorePower();
                return "power on";
            case ["status"]:
                return string.Join("  ", Enumerable.Range(0, cp.NumberOfConnectors + 1).Select(i => $"{i}:{cp.StatusOf(i)}"));
            default:
                return "? unknown command (plug, unplug, ev-unplug, card, suspend, resume, fault, clear-fault, offline, online, power-off, power-on, status, quit)";
        }
    }

    private static int Connector(string text) => int.Parse(text, CultureInfo.InvariantCulture);
}
