using System.Diagnostics;
using System.Globalization;

namespace OcppLab.Simulator.Fleet;

/// <summary>Memory (resident set) and CPU time of a process: this one, or the embedded Central System's (<see cref="CentralSystemProcess"/>).</summary>
/// <param name="RssBytes">Resident set size now.</param>
/// <param name="CpuTime">User plus system CPU time since the process started.</param>
/// <param name="ManagedHeapBytes">Bytes of the managed heap in use; null for another process, whose heap this one cannot read.</param>
public readonly record struct ProcessUsage(long RssBytes, TimeSpan CpuTime, long? ManagedHeapBytes)
{
    private const string Statm = "/proc/self/statm";

    /// <summary>
    /// Reads the figures now. The fleet samples them every second, so they are read the cheap way where there is one:
    /// the CPU time from the kernel's usage counters, the resident set from /proc/self/statm (one short line), rather
    /// than a <see cref="Process"/> snapshot, which parses the process's whole stat and status files each time.
    /// </summary>
    public static ProcessUsage Now() =>
        new(ResidentSetBytes(), Environment.CpuUsage.TotalTime, GC.GetTotalMemory(forceFullCollection: false));

    private static long ResidentSetBytes()
    {
        if (OperatingSystem.IsLinux() && File.Exists(Statm))
        {
            // statm: size resident shared text lib data dt, in pages.
            var fields = File.ReadAllText(Statm).Split(' ', 3);
            if (fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pages))
            {
                return pages * Environment.SystemPageSize;
            }
        }

        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
