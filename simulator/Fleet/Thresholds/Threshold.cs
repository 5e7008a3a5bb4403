using System.Globalization;
using System.Text.RegularExpressions;
using OcppLab.Simulator.Fleet.Reports;

namespace OcppLab.Simulator.Fleet.Thresholds;

/// <summary>
/// A pass/fail criterion on a run, in k6's style: <c>p99(Authorize)&lt;500ms</c>, <c>avg(StartTransaction)&lt;=0.2s</c>,
/// <c>max(boot)&lt;10s</c>, <c>errors&lt;0.1%</c> (of the calls sent) or <c>errors==0</c>, <c>connected&gt;=99%</c> and
/// <c>booted&gt;=99%</c> (of the charge points powered on; a count without %). It is judged on the report, so a
/// report merged from shards is judged as a single run would be.
/// </summary>
public sealed partial record Threshold(string Expression, string Metric, string? Action, string Comparator, double Limit, bool Percent)
{
    /// <summary>What can be written, for error messages and help.</summary>
    public const string Syntax = "p50|p95|p99|avg|max(Action|connect|boot) <|<=|>|>=|== N ms|s, errors <op> N[%], connected|booted <op> N[%]";

    /// <summary>Reads a threshold; a <see cref="FormatException"/> names what is wrong and what is allowed.</summary>
    public static Threshold Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = ThresholdSyntax().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a threshold like p99(Authorize)<500ms, errors<0.1% or connected>=99% ({Syntax}).");
        }

        var metric = match.Groups["metric"].Value;
        var action = match.Groups["action"].Success ? match.Groups["action"].Value : null;
        var unit = match.Groups["unit"].Value;
        var limit = double.Parse(match.Groups["value"].ValueSpan, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var latency = metric is "p50" or "p95" or "p99" or "avg" or "max";
        if (latency)
        {
            if (action is null)
            {
                throw new FormatException($"'{text}': {metric} needs the action it measures, like {metric}(Authorize), {metric}(connect) or {metric}(boot).");
            }

            if (unit == "%")
            {
                throw new FormatException($"'{text}': a latency is compared in ms or s, not %.");
            }

            return new Threshold(text, metric, action, match.Groups["op"].Value, unit == "s" ? limit * 1000 : limit, Percent: false);
        }

        if (action is not null)
        {
            throw new FormatException($"'{text}': {metric} takes no action in parentheses.");
        }

        if (unit is "ms" or "s")
        {
            throw new FormatException($"'{text}': {metric} is a count or a share (%), not a time.");
        }

        return new Threshold(text, metric, null, match.Groups["op"].Value, limit, unit == "%");
    }

    /// <summary>Judges the run <paramref name="report"/> describes.</summary>
    public ThresholdVerdict Evaluate(FleetReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (observed, shown, missing) = Observe(report);
        if (observed is not { } value)
        {
            return new ThresholdVerdict(Expression, null, missing ?? "nothing measured", Passed: false);
        }

        var passed = Comparator switch
        {
            "<" => value < Limit,
            "<=" => value <= Limit,
            ">" => value > Limit,
            ">=" => value >= Limit,
            _ => Math.Abs(value - Limit) < 1e-9,
        };
        return new ThresholdVerdict(Expression, value, shown, passed);
    }

    private (double? Value, string Shown, string? Missing) Observe(FleetReport report)
    {
        switch (Metric)
        {
            case "errors":
                var errors = report.Errors.Values.Sum();
                if (!Percent)
                {
                    return (errors, errors.ToString(CultureInfo.InvariantCulture), null);
                }

                if (report.CallsSent == 0)
                {
                    return (null, "", "no calls were sent, so there is no error rate");
                }

                var rate = 100.0 * errors / report.CallsSent;
                return (rate, $"{Format(rate)}% ({errors} of {report.CallsSent} calls)", null);
            case "connected" or "booted":
                var count = Metric == "connected" ? report.ChargersConnected : report.ChargersBooted;
                if (!Percent)
                {
                    return (count, count.ToString(CultureInfo.InvariantCulture), null);
                }

                if (report.ChargersPoweredOn == 0)
                {
                    return (null, "", "no charge point was powered on");
                }

                var share = 100.0 * count / report.ChargersPoweredOn;
                return (share, $"{Format(share)}% ({count} of {report.ChargersPoweredOn})", null);
            default:
                var summary = Action switch
                {
                    "connect" => report.ConnectTime,
                    "boot" => report.BootTime,
                    _ => report.Actions.FirstOrDefault(a => string.Equals(a.Name, Action, StringComparison.Ordinal)),
                };
                if (summary is null || summary.Count == 0)
                {
                    return (null, "", $"no {Action} was measured");
                }

                var ms = Metric switch
                {
                    "p50" => summary.P50Ms,
                    "p95" => summary.P95Ms,
                    "p99" => summary.P99Ms,
                    "avg" => summary.MeanMs,
                    _ => summary.MaxMs,
                };
                return (ms, $"{Format(ms)} ms over {summary.Count}", null);
        }
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*(?<metric>p50|p95|p99|avg|max|errors|connected|booted)(?:\((?<action>[A-Za-z]+)\))?\s*(?<op><=|>=|==|<|>)\s*(?<value>\d+(?:\.\d+)?)\s*(?<unit>ms|s|%)?\s*$")]
    private static partial Regex ThresholdSyntax();
}
