using System.Diagnostics;

namespace OcppLab.Simulator.Fleet;

/// <summary>Memory (resident set) and CPU time of a process: this one, or the embedded Central System's (<see cref="CentralSystemProcess"/>).</summary>
/// <param name="RssBytes">Resident set size now.</param>
/// <param name="CpuTime">User plus system CPU time since the process started.</param>
/// <param name="ManagedHeapBytes">Bytes of the managed heap in use; null for another process, whose heap this one cannot read.</param>
public readonly record struct ProcessUsage(long RssBytes, TimeSpan CpuTime, long? ManagedHeapBytes)
{
    /// <summary>Reads the figures now.</summary>
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessUsage(process.WorkingSet64, process.TotalProcessorTime, GC.GetTotalMemory(forceFullCollection: false));
    }
}
