using System.Diagnostics;

namespace OcppLab.Simulator.Fleet;

/// <summary>Memory (resident set) and CPU time of this process.</summary>
/// <param name="RssBytes">Resident set size now.</param>
/// <param name="CpuTime">User plus system CPU time since the process started.</param>
/// <param name="ManagedHeapBytes">Bytes of the managed heap in use.</param>
public readonly record struct ProcessUsage(long RssBytes, TimeSpan CpuTime, long ManagedHeapBytes)
{
    /// <summary>Reads the figures now.</summary>
    public static ProcessUsage Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessUsage(process.WorkingSet64, process.TotalProcessorTime, GC.GetTotalMemory(forceFullCollection: false));
    }
}
