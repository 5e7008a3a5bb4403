using System.Globalization;
using System.Reactive.Linq;
using OcppLab.ChargePoint.SmartCharging;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint;

/// <summary>
/// The simulated meter and MeterValues (OCPP 1.6 §4.7): sampled every MeterValueSampleInterval from the
/// transaction start (Sample.Periodic), clock-aligned every ClockAlignedDataInterval on boundaries since
/// midnight (Sample.Clock). The power follows the EV's demand capped by the composite schedule.
/// </summary>
public sealed partial class VirtualChargePoint
{
    private readonly System.Reactive.Disposables.SerialDisposable clockAligned = new();

    /// <summary>The energy register of a connector in Wh.</summary>
    public double EnergyRegisterWh(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => state.Meter.RegisterWh(Now));
    }

    /// <summary>The power drawn on a connector in W.</summary>
    public double PowerW(int connectorId)
    {
        var state = ConnectorAt(connectorId) ?? throw new ArgumentOutOfRangeException(nameof(connectorId));
        return scheduler.Invoke(() => state.Meter.PowerW);
    }

    /// <summary>Sets the meter's current from the EV's demand and the limit in force.</summary>
    private void ApplyPower(ConnectorState state)
    {
        var delivering = state.Transaction is { SuspendedByInvalidId: false } && state.Plugged && !state.EvSuspended && !state.EvSideDisconnected;
        var amperes = delivering ? Math.Min(state.EvDemandAmperes, chargingSchedules.LimitAmperes(state)) : 0;
        state.Meter.SetCurrent(Now, (double)amperes);
        if (state.Transaction is { SuspendAtWh: not null, SuspendedByInvalidId: false } invalidated)
        {
            ScheduleInvalidIdAllowanceCheck(state, invalidated);
        }
    }

    private void ApplyPowerEverywhere()
    {
        foreach (var state in Outlets)
        {
            ApplyPower(state);
            RefreshStatus(state);
        }
    }

    private void StartSampling(ConnectorState state, Transaction tx)
    {
        var interval = Configuration.GetSeconds(Keys.MeterValueSampleInterval);
        tx.Sampling?.Dispose();
        tx.Sampling = interval <= TimeSpan.Zero
            ? null
            : Observable.Interval(interval, scheduler).Subscribe(_ => SampleTransaction(state, tx));
    }

    private void RestartSampling()
    {
        foreach (var state in Outlets)
        {
            if (TransactionOn(state.Id) is { } tx)
            {
                StartSampling(state, tx);
            }
        }
    }

    private void SampleTransaction(ConnectorState state, Transaction tx)
    {
        ApplyPower(state);
        var at = Now;
        var value = Sample(state, Configuration.GetMeasurands(Keys.MeterValuesSampledData), ReadingContext.SamplePeriodic, at);
        var stopData = Configuration.GetMeasurands(Keys.StopTxnSampledData);
        if (stopData.Count > 0)
        {
            tx.StopData.Add(Sample(state, stopData, ReadingContext.SamplePeriodic, at));
        }

        SendTransactionMeterValues(state.Id, tx, value);
        RefreshStatus(state);
    }

    private void SendTransactionMeterValues(int connectorId, Transaction tx, MeterValue value) =>
        _ = SendTransactional<MeterValuesResponse>(() => new MeterValuesRequest
        {
            ConnectorId = connectorId,
            TransactionId = tx.TransactionId,
            MeterValue = [value],
        });

    private void StartClockAligned()
    {
        var interval = Configuration.GetInt(Keys.ClockAlignedDataInterval);
        if (interval <= 0)
        {
            clockAligned.Disposable = null;
            return;
        }

        // OCPP 1.6 §4.7: aligned to the clock, in seconds since midnight.
        var now = Now;
        var sinceMidnight = (long)now.TimeOfDay.TotalSeconds;
        var first = TimeSpan.FromSeconds(interval - (sinceMidnight % interval)) - TimeSpan.FromTicks(now.TimeOfDay.Ticks % TimeSpan.TicksPerSecond);
        clockAligned.Disposable = Observable.Timer(first, TimeSpan.FromSeconds(interval), scheduler).Subscribe(_ => SampleClockAligned());
    }

    private void SampleClockAligned()
    {
        var at = Now;
        var measurands = Configuration.GetMeasurands(Keys.MeterValuesAlignedData);
        var stopData = Configuration.GetMeasurands(Keys.StopTxnAlignedData);
        foreach (var state in Outlets)
        {
            if (TransactionOn(state.Id) is not { } tx)
            {
                continue;
            }

            ApplyPower(state);
            if (measurands.Count > 0)
            {
                SendTransactionMeterValues(state.Id, tx, Sample(state, measurands, ReadingContext.SampleClock, at));
            }

            if (stopData.Count > 0)
            {
                tx.StopData.Add(Sample(state, stopData, ReadingContext.SampleClock, at));
            }
        }
    }

    /// <summary>One meter reading with a sampled value per measurand (OCPP 1.6 §7.17).</summary>
    private MeterValue Sample(ConnectorState state, IReadOnlyList<Measurand> measurands, ReadingContext context, DateTimeOffset at)
    {
        var wanted = measurands.Count > 0 ? measurands : [Measurand.EnergyActiveImportRegister];
        var limit = chargingSchedules.LimitAmperes(state);
        return new MeterValue
        {
            Timestamp = at,
            SampledValue = [.. wanted.Select(measurand =>
            {
                var (value, unit) = measurand switch
                {
                    Measurand.EnergyActiveImportRegister => (state.Meter.RegisterWh(at), UnitOfMeasure.Wh),
                    Measurand.PowerActiveImport => (state.Meter.PowerW, UnitOfMeasure.W),
                    Measurand.CurrentImport => (state.Meter.CurrentA, UnitOfMeasure.A),
                    Measurand.CurrentOffered => ((double)limit, UnitOfMeasure.A),
                    Measurand.PowerOffered => ((double)limit * Template.Voltage * Template.Phases, UnitOfMeasure.W),
                    Measurand.Voltage => (Template.Voltage, UnitOfMeasure.V),
                    Measurand.Frequency => (50.0, (UnitOfMeasure?)null),
                    Measurand.Temperature => (25.0, UnitOfMeasure.Celsius),
                    Measurand.SoC => (Math.Min(100, 20 + (state.Meter.RegisterWh(at) / 600)), UnitOfMeasure.Percent),
                    _ => (0.0, (UnitOfMeasure?)null),
                };
                return new SampledValue
                {
                    Value = Math.Round(value, measurand == Measurand.EnergyActiveImportRegister ? 0 : 1).ToString(CultureInfo.InvariantCulture),
                    Context = context,
                    Measurand = measurand,
                    Unit = unit,
                };
            })],
        };
    }
}
