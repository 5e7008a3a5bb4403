namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>
/// The shape of a run: stages of powered charge points and session rate (k6's <c>stages</c>), and faults at given
/// times. The command line's <c>--chargers</c> and <c>--ramp</c> are the simplest scenario, <see cref="Ramp"/>:
/// one stage up to the fleet's size, then steady until the run is stopped.
/// </summary>
public sealed record Scenario
{
    /// <summary>The stages, in order.</summary>
    public required IReadOnlyList<Stage> Stages { get; init; }

    /// <summary>The faults, at their times.</summary>
    public IReadOnlyList<FaultInjection> Faults { get; init; } = [];

    /// <summary>Whether the run ends with the last stage (a scenario file), or stays at its target until stopped (the short form).</summary>
    public bool EndsWithLastStage { get; init; } = true;

    /// <summary>The sum of the stages' durations.</summary>
    public TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);

    /// <summary>The most charge points powered at once: the size of the fleet's id space.</summary>
    public int Peak => Stages.Count == 0 ? 0 : Stages.Max(s => s.Target);

    /// <summary>The highest session rate factor of any stage (1 before the first stage).</summary>
    public double MaxSessionRate => Stages.Select(s => s.SessionRate).Append(1).Max();

    /// <summary>The short form: <paramref name="chargers"/> powered on at <paramref name="perSecond"/>, then steady until stopped.</summary>
    public static Scenario Ramp(int chargers, double perSecond) => new()
    {
        Stages = [new Stage(TimeSpan.FromSeconds(chargers / perSecond), chargers)],
        EndsWithLastStage = false,
    };

    /// <summary>The same shape with every target scaled so the peak is <paramref name="peak"/> (at least 1 where it was above 0): a smoke run of a large scenario.</summary>
    public Scenario ScaledTo(int peak)
    {
        var factor = (double)peak / Peak;
        return this with
        {
            Stages = [.. Stages.Select(s => s with { Target = s.Target == 0 ? 0 : Math.Max(1, (int)Math.Round(s.Target * factor)) })],
        };
    }

    /// <summary>The session rate factor <paramref name="elapsed"/> after the start: linear within a stage, the last one's after the end.</summary>
    public double SessionRateAt(TimeSpan elapsed)
    {
        var from = 1.0;
        var start = TimeSpan.Zero;
        foreach (var stage in Stages)
        {
            var end = start + stage.Duration;
            if (elapsed < end)
            {
                var progress = (elapsed - start) / stage.Duration;
                return from + ((stage.SessionRate - from) * progress);
            }

            from = stage.SessionRate;
            start = end;
        }

        return from;
    }

    /// <summary>
    /// When the stages switch each charge point of <paramref name="indices"/> on or off: charge point n is on while the
    /// linear target is above n, so the lowest indices come first and go last, and the short form powers n on at n / rate.
    /// </summary>
    public IEnumerable<PowerEvent> PowerEvents(Range indices, int fleetSize)
    {
        var (first, length) = indices.GetOffsetAndLength(fleetSize);
        var from = 0;
        var start = TimeSpan.Zero;
        foreach (var stage in Stages)
        {
            var to = stage.Target;
            if (to > from)
            {
                for (var n = Math.Max(from, first); n < Math.Min(to, first + length); n++)
                {
                    yield return new PowerEvent(start + (stage.Duration * ((double)(n - from) / (to - from))), n, On: true);
                }
            }
            else if (to < from)
            {
                for (var n = Math.Min(from, first + length) - 1; n >= Math.Max(to, first); n--)
                {
                    yield return new PowerEvent(start + (stage.Duration * ((double)(from - n) / (from - to))), n, On: false);
                }
            }

            from = to;
            start += stage.Duration;
        }
    }
}
