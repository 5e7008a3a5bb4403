using System.Text.Json;

namespace OcppLab.Simulator.Fleet.Reports;

/// <summary>Writes the report as indented JSON (the machine-readable copy; scripts diff runs with it).</summary>
public static class JsonReportWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write(FleetReport report) => JsonSerializer.Serialize(report, Options);
}
