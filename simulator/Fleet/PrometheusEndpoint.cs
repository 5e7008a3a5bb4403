using System.Globalization;
using System.Net;
using System.Text;

namespace OcppLab.Simulator.Fleet;

/// <summary>
/// Serves <c>http://127.0.0.1:PORT/metrics</c> (or every interface, in a container) in the Prometheus text exposition format (0.0.4), written by
/// hand from the fleet's own counters. Latency is exported as cumulative histograms with fixed bounds, so that
/// Prometheus can add up the shards of a fleet and take quantiles over all of them.
/// </summary>
public sealed class PrometheusEndpoint : IAsyncDisposable
{
    private static readonly double[] BoundsSeconds = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private readonly HttpListener listener = new();
    private readonly Func<string> render;
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    /// <summary>Starts listening on loopback; throws <see cref="HttpListenerException"/> when the port is taken.</summary>
    public PrometheusEndpoint(int port, Func<string> render)
        : this("127.0.0.1", port, render)
    {
    }

    /// <summary>Starts listening on <paramref name="host"/> (<c>*</c>: every interface, for a scraper outside the pod).</summary>
    public PrometheusEndpoint(string host, int port, Func<string> render)
    {
        this.render = render;
        listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{port}/"));
        listener.Start();
        serving = ServeAsync();
    }

    /// <summary>The exposition text of the fleet's figures.</summary>
    public static string Format(string shard, FleetGauges gauges, FleetMetrics metrics, SessionCounters sessions, ProcessUsage usage, ProcessUsage? centralSystem = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(sessions);
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        var label = $"shard=\"{Escape(shard)}\"";
        void Metric(string name, string type, string help, params (string Labels, double Value)[] values)
        {
            text.Append(c, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
            foreach (var (labels, value) in values)
            {
                text.Append(c, $"{name}{{{label}{(labels.Length > 0 ? "," + labels : string.Empty)}}} {value.ToString("R", c)}\n");
            }
        }

        Metric("ocpplab_fleet_charge_points_started", "gauge", "Charge points powered on.", (string.Empty, gauges.Started));
        Metric("ocpplab_fleet_charge_points_connected", "gauge", "Charge points with an open connection.", (string.Empty, gauges.Connected));
        Metric("ocpplab_fleet_charge_points_booted", "gauge", "Charge points accepted by the Central System.", (string.Empty, gauges.Booted));
        Metric("ocpplab_fleet_connectors_charging", "gauge", "Connectors with a transaction running.", (string.Empty, gauges.Charging));
        Metric("ocpplab_fleet_calls_total", "counter", "CALLs sent by the charge points, by action.", [.. metrics.Actions.Select(a => ($"action=\"{Escape(a.Key)}\"", (double)a.Value.Calls))]);
        Metric("ocpplab_fleet_answers_total", "counter", "Answers received to the charge points' CALLs.", (string.Empty, metrics.Answers));
        Metric("ocpplab_fleet_errors_total", "counter", "Errors by kind.", [.. metrics.Errors.Select(e => ($"kind=\"{Escape(e.Key)}\"", (double)e.Value))]);
        Metric("ocpplab_fleet_sessions_started_total", "counter", "Sessions whose card was accepted.", (string.Empty, sessions.Started));
        Metric("ocpplab_fleet_sessions_completed_total", "counter", "Sessions ended.", (string.Empty, sessions.Completed));
        Metric("ocpplab_fleet_process_resident_memory_bytes", "gauge", "Resident set size of the fleet process.", (string.Empty, usage.RssBytes));
        Metric("ocpplab_fleet_process_cpu_seconds_total", "counter", "CPU time of the fleet process.", (string.Empty, usage.CpuTime.TotalSeconds));
        if (centralSystem is { } cs)
        {
            Metric("ocpplab_fleet_central_system_resident_memory_bytes", "gauge", "Resident set size of the embedded Central System's process.", (string.Empty, cs.RssBytes));
            Metric("ocpplab_fleet_central_system_cpu_seconds_total", "counter", "CPU time of the embedded Central System's process.", (string.Empty, cs.CpuTime.TotalSeconds));
        }

        text.Append("# HELP ocpplab_fleet_call_duration_seconds Round trip of the charge points' CALLs, by action.\n# TYPE ocpplab_fleet_call_duration_seconds histogram\n");
        foreach (var (action, figures) in metrics.Actions)
        {
            var snapshot = figures.Latency.Snapshot();
            var labels = $"{label},action=\"{Escape(action)}\"";
            long cumulative = 0;
            var i = 0;
            foreach (var bound in BoundsSeconds)
            {
                var limit = (long)(bound * 1_000_000);
                while (i < snapshot.Length && LatencyHistogram.LowerBound(i) < limit)
                {
                    cumulative += snapshot[i++];
                }

                text.Append(c, $"ocpplab_fleet_call_duration_seconds_bucket{{{labels},le=\"{bound.ToString("R", c)}\"}} {cumulative}\n");
            }

            var count = snapshot.Sum();
            text.Append(c, $"ocpplab_fleet_call_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {count}\n");
            text.Append(c, $"ocpplab_fleet_call_duration_seconds_sum{{{labels}}} {(figures.Latency.MeanMicroseconds * count / 1e6).ToString("R", c)}\n");
            text.Append(c, $"ocpplab_fleet_call_duration_seconds_count{{{labels}}} {count}\n");
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        try
        {
            await serving;
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
        }

        listener.Close();
        stop.Dispose();
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync().WaitAsync(stop.Token);
            using var response = context.Response;
            if (context.Request.Url?.AbsolutePath != "/metrics")
            {
                response.StatusCode = 404;
                continue;
            }

            var body = Encoding.UTF8.GetBytes(render());
            response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body, stop.Token);
        }
    }
}
