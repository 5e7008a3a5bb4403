namespace OcppLab.Simulator.Cli;

/// <summary>The top-level help.</summary>
internal static class Usage
{
    public const int BadUsage = 2;

    public static int Print(TextWriter output)
    {
        output.WriteLine("""
            OcppLab simulator: virtual OCPP 1.6-J charge points.

            Usage:
              simulator charger --csms <ws-url> --id <charge-point-id> [options]
              simulator fleet [--csms <ws-url>] [--chargers N] [--ramp 500/s] [--duration 10m] [options]

            Commands:
              charger   Run one charge point against a Central System and print its traffic.
              fleet     Run many charge points with sessions, a live view and a report
                        (without --csms, against the lab's Central System started in process).

            Run 'simulator charger --help' or 'simulator fleet --help' for their options.
            """);
        return 0;
    }

    public static int Unknown(string command, TextWriter error)
    {
        error.WriteLine($"Unknown command '{command}'. Run with --help to list the commands.");
        return BadUsage;
    }
}
