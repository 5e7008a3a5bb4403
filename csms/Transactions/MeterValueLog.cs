using System.Globalization;
using System.Text.Json;
using OcppLab.Csms.Persistence;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.Transactions;

/// <summary>
/// The meter values of one transaction (OCPP 1.6 §4.7 MeterValues.req, §4.10 StopTransaction.req
/// transactionData), append-only, each batch held as one compact UTF-8 JSON chunk.
/// </summary>
/// <remarks>
/// Why not an immutable list inside the immutable <see cref="TransactionRecord"/>: a running transaction lives
/// long enough to reach gen2, so replacing its record on every MeterValues.req left the old record and list
/// nodes to die in gen2, and a stopped transaction let go from the history left a graph of a dozen objects per
/// meter value there too. At 5,000 stations that garbage kept the GC's committed range growing by about
/// 2.3 MiB/min with constant live data (bench/RESULTS.md, soak). Here a MeterValues.req adds one byte array to
/// a log the record points to and the record stays as it is; a transaction let go leaves one small array per
/// batch. The values are read back (parsed) only when someone asks for them.
/// </remarks>
public sealed class MeterValueLog
{
    private readonly Lock gate = new();
    private readonly List<byte[]> chunks = [];
    private int count;
    private decimal? latestEnergyRegisterWh;

    /// <summary>How many meter values the log holds.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>
    /// The latest reading of the energy register (Energy.Active.Import.Register, the default measurand, over
    /// all phases), in Wh; null when no meter value carried one.
    /// </summary>
    public decimal? LatestEnergyRegisterWh
    {
        get
        {
            lock (gate)
            {
                return latestEnergyRegisterWh;
            }
        }
    }

    /// <summary>A log holding <paramref name="values"/> (read back from the data directory, or a stop's transactionData).</summary>
    public static MeterValueLog Of(IReadOnlyList<MeterValue> values)
    {
        var log = new MeterValueLog();
        log.Append(values);
        return log;
    }

    /// <summary>Adds one batch, in arrival order. An empty batch adds nothing.</summary>
    public void Append(IReadOnlyList<MeterValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return;
        }

        var chunk = JsonSerializer.SerializeToUtf8Bytes(values, StateJsonContext.Default.IReadOnlyListMeterValue);
        var latest = LatestEnergyRegister(values);
        lock (gate)
        {
            chunks.Add(chunk);
            count += values.Count;
            latestEnergyRegisterWh = latest ?? latestEnergyRegisterWh;
        }
    }

    /// <summary>Gives back the room kept for further batches, once the transaction has stopped.</summary>
    public void Seal()
    {
        lock (gate)
        {
            chunks.TrimExcess();
        }
    }

    /// <summary>Every meter value so far, in arrival order.</summary>
    public IReadOnlyList<MeterValue> Snapshot()
    {
        byte[][] held;
        lock (gate)
        {
            held = [.. chunks];
        }

        var values = new List<MeterValue>();
        foreach (var chunk in held)
        {
            values.AddRange(JsonSerializer.Deserialize(chunk, StateJsonContext.Default.IReadOnlyListMeterValue) ?? []);
        }

        return values;
    }

    // The latest meter value's first energy-register sample wins, as a reader of the whole list would find it.
    private static decimal? LatestEnergyRegister(IReadOnlyList<MeterValue> values)
    {
        for (var i = values.Count - 1; i >= 0; i--)
        {
            foreach (var sample in values[i].SampledValue)
            {
                if ((sample.Measurand ?? Measurand.EnergyActiveImportRegister) == Measurand.EnergyActiveImportRegister
                    && sample.Phase is null
                    && decimal.TryParse(sample.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    return sample.Unit == UnitOfMeasure.KWh ? value * 1000 : value;
                }
            }
        }

        return null;
    }
}
