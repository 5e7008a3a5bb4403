namespace OcppLab.ChargePoint.Metering;

/// <summary>
/// A simulated energy meter: it integrates power over time, and the power follows the EV's demand capped
/// by the charging limit in force. Time is passed in, so the meter works on any clock.
/// </summary>
public sealed class EnergyMeter
{
    private readonly Lock sync = new();
    private DateTimeOffset lastUpdate;
    private double registerWh;
    private double powerW;

    /// <summary>Creates a meter reading <paramref name="initialWh"/> at <paramref name="now"/>.</summary>
    public EnergyMeter(DateTimeOffset now, double initialWh = 0, double voltage = 230, int phases = 3)
    {
        lastUpdate = now;
        registerWh = initialWh;
        Voltage = voltage;
        Phases = phases;
    }

    public double Voltage { get; }

    public int Phases { get; }

    /// <summary>The present power in W.</summary>
    public double PowerW
    {
        get
        {
            lock (sync)
            {
                return powerW;
            }
        }
    }

    /// <summary>The present current per phase in A.</summary>
    public double CurrentA => PowerW / (Voltage * Phases);

    /// <summary>The register in Wh at <paramref name="now"/>.</summary>
    public double RegisterWh(DateTimeOffset now)
    {
        lock (sync)
        {
            Integrate(now);
            return registerWh;
        }
    }

    /// <summary>Sets the drawn current per phase from <paramref name="now"/> on.</summary>
    public void SetCurrent(DateTimeOffset now, double amperesPerPhase)
    {
        lock (sync)
        {
            Integrate(now);
            powerW = Math.Max(0, amperesPerPhase) * Voltage * Phases;
        }
    }

    private void Integrate(DateTimeOffset now)
    {
        if (now > lastUpdate)
        {
            registerWh += powerW * (now - lastUpdate).TotalHours;
            lastUpdate = now;
        }
    }
}
