using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Pushes the fleet's meter to an OpenTelemetry collector over OTLP/HTTP (protobuf) every few seconds.
/// A URL without a path gets the standard <c>/v1/metrics</c>.
/// </summary>
public static class OtlpExport
{
    public static IDisposable Start(Uri endpoint, string shard)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var target = endpoint.AbsolutePath is "/" or "" ? new Uri(endpoint, "/v1/metrics") : endpoint;
        return Sdk.CreateMeterProviderBuilder()
            .ConfigureResource(r => r.AddService("ocpplab-fleet", serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}").AddAttributes([new("ocpplab.fleet.shard", shard)]))
            .AddMeter(FleetMetrics.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = target;
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = 5000;
            })
            .Build();
    }
}
