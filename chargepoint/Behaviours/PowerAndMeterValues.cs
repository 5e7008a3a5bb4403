using System.Globalization;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using OcppLab.ChargePoint.Transactions;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.Types;
using Keys = OcppLab.ChargePoint.Configuration.StandardConfigurationKeys;

namespace OcppLab.ChargePoint.Behaviours;

/// <summary>
/// The simulated meter and MeterValues (OCPP 1.6 §4.7): sampled every MeterValueSampleInterval from the
/// transaction start (Sample.Periodic), clock-aligned every ClockAlignedDataInterval on boundaries since
/// midnight (Sample.Clock). The power follows the EV's demand capped by the composite schedule, and stops
/// once the energy allowed after an invalid IdTag is delivered (§9.1.16).
/// </summary>
internal sealed class PowerAndMeterValues(ChargePointContext context, ChargingSchedules chargingSchedules) : IDisposable
{
    private readonly SerialDisposable clockAligned = new();

    /// <summary>Sets the meter's current from the EV's demand and the limit in force.</summary>
    public void ApplyPower(ConnectorState state)
    {
        var delivering = state.Transaction is { SuspendedByInvalidId: false } && state.Plugged && !state.EvSuspended && !state.EvSideDisconnected;
        var amperes = delivering ? Math.Min(state.EvDemandAmperes, chargingSchedules.LimitAmperes(state)) : 0;
        state.Meter.SetCurrent(context.Now, (double)amperes);
        if (state.Transaction is { SuspendAtWh: not null, SuspendedByInvalidId: false } invalidated)
        {
            ScheduleInvalidIdAllowanceCheck(state, invalidated);
        }
    }

    public void ApplyPowerEverywhere()
    {
        foreach (var state in context.Outlets)
        {
            ApplyPower(state);
            context.RefreshStatus(state);
        }
    }

    /// <summary>OCPP 1.6 §9.1.16: up to MaxEnergyOnInvalidId Wh may still be delivered before delivery is suspended.</summary>
    public void AllowAfterInvalidId(ConnectorState state, Transaction tx)
    {
        tx.SuspendAtWh = state.Meter.RegisterWh(context.Now) + context.Configuration.GetInt(Keys.MaxEnergyOnInvalidId);
        CheckInvalidIdAllowance(state, tx);
    }

    public void StartSampling(ConnectorState state, Transaction tx)
    {
        var interval = context.Configuration.GetSeconds(Keys.MeterValueSampleInterval);
        tx.Sampling?.Dispose();
        tx.Sampling = interval <= TimeSpan.Zero
            ? null
            : Observable.Interval(interval, context.Scheduler).Subscribe(_ => SampleTransaction(state, tx));
    }

    /// <summary>MeterValueSampleInterval changed: the running transactions sample at the new interval.</summary>
    public void RestartSampling()
    {
        foreach (var state in context.Outlets)
        {
            if (state.Transaction is { } tx)
            {
                StartSampling(state, tx);
            }
        }
    }

    public void StartClockAligned()
    {
        var interval = context.Configuration.GetInt(Keys.ClockAlignedDataInterval);
        if (interval <= 0)
        {
            clockAligned.Disposable = null;
            return;
        }

        // OCPP 1.6 §4.7: aligned to the clock, in seconds since midnight.
        var now = context.Now;
        var sinceMidnight = (long)now.TimeOfDay.TotalSeconds;
        var first = TimeSpan.FromSeconds(interval - (sinceMidnight % interval)) - TimeSpan.FromTicks(now.TimeOfDay.Ticks % TimeSpan.TicksPerSecond);
        clockAligned.Disposable = Observable.Timer(first, TimeSpan.FromSeconds(interval), context.Scheduler).Subscribe(_ => SampleClockAligned());
    }

    public void StopClockAligned() => clockAligned.Disposable = null;

    /// <summary>TriggerMessage(MeterValues): one connector, or every outlet (OCPP 1.6 §5.17).</summary>
    public void Trigger(int? connectorId)
    {
        foreach (var state in connectorId is { } id ? [context.Connectors[id]] : context.Outlets)
        {
            var value = Sample(state, context.Configuration.GetMeasurands(Keys.MeterValuesSampledData), ReadingContext.Trigger, context.Now);
            _ = context.Messages.Send(new MeterValuesRequest { ConnectorId = state.Id, TransactionId = state.Transaction?.TransactionId, MeterValue = [value] });
        }
    }

    /// <summary>The readings StopTransaction carries as TransactionData, with the transaction end sample of StopTxnSampledData.</summary>
    public List<MeterValue> StopTransactionData(ConnectorState state, Transaction tx, DateTimeOffset stoppedAt)
    {
        var data = new List<MeterValue>(tx.StopData);
        var sampled = context.Configuration.GetMeasurands(Keys.StopTxnSampledData);
        if (sampled.Count > 0)
        {
            data.Add(Sample(state, sampled, ReadingContext.TransactionEnd, stoppedAt));
        }

        return data;
    }

    public void Dispose() => clockAligned.Dispose();

    /// <summary>Suspends delivery once the energy allowed after an invalid IdTag has been delivered; until then, checks again when it will have been.</summary>
    private void CheckInvalidIdAllowance(ConnectorState state, Transaction tx)
    {
        if (state.Transaction != tx || tx.SuspendAtWh is not { } suspendAtWh || tx.SuspendedByInvalidId)
        {
            return;
        }

        if (suspendAtWh - state.Meter.RegisterWh(context.Now) > 0.5)
        {
            ScheduleInvalidIdAllowanceCheck(state, tx);
            return;
        }

        tx.InvalidIdAllowance?.Dispose();
        tx.SuspendedByInvalidId = true;
        ApplyPower(state);
        context.RefreshStatus(state);
    }

    /// <summary>
    /// Plans the next allowance check for the moment the present power reaches the limit. Called again by
    /// <see cref="ApplyPower"/> on every change of power; at no power there is nothing to plan.
    /// </summary>
    private void ScheduleInvalidIdAllowanceCheck(ConnectorState state, Transaction tx)
    {
        tx.InvalidIdAllowance?.Dispose();
        tx.InvalidIdAllowance = null;
        var power = state.Meter.PowerW;
        if (tx.SuspendAtWh is not { } suspendAtWh || power <= 0)
        {
            return;
        }

        var due = TimeSpan.FromHours(Math.Max(0, suspendAtWh - state.Meter.RegisterWh(context.Now)) / power);
        tx.InvalidIdAllowance = System.Reactive.Concurrency.Scheduler.Schedule(context.Scheduler, due, () => CheckInvalidIdAllowance(state, tx));
    }

    private void SampleTransaction(ConnectorState state, Transaction tx)
    {
        ApplyPower(state);
        var at = context.Now;
        var value = Sample(state, context.Configuration.GetMeasurands(Keys.MeterValuesSampledData), ReadingContext.SamplePeriodic, at);
        var stopData = context.Configuration.GetMeasurands(Keys.StopTxnSampledData);
        if (stopData.Count > 0)
        {
            tx.StopData.Add(Sample(state, stopData, ReadingContext.SamplePeriodic, at));
        }

        SendTransactionMeterValues(state.Id, tx, value);
        context.RefreshStatus(state);
    }

    private void SendTransactionMeterValues(int connectorId, Transaction tx, MeterValue value) =>
        _ = context.Messages.SendTransactional<MeterValuesResponse>(() => new MeterValuesRequest
        {
            ConnectorId = connectorId,
            TransactionId = tx.TransactionId,
            MeterValue = [value],
        });

    private void SampleClockAligned()
    {
        var at = context.Now;
        var measurands = context.Configuration.GetMeasurands(Keys.MeterValuesAlignedData);
        var stopData = context.Configuration.GetMeasurands(Keys.StopTxnAlignedData);
        foreach (var state in context.Outlets)
        {
            if (state.Transaction is not { } tx)
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
    private MeterValue Sample(ConnectorState state, IReadOnlyList<Measurand> measurands, ReadingContext reading, DateTimeOffset at)
    {
        var wanted = measurands.Count > 0 ? measurands : [Measurand.EnergyActiveImportRegister];
        var limit = chargingSchedules.LimitAmperes(state);
        var template = context.Template;
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
                    Measurand.PowerOffered => ((double)limit * template.Voltage * template.Phases, UnitOfMeasure.W),
                    Measurand.Voltage => (template.Voltage, UnitOfMeasure.V),
                    Measurand.Frequency => (50.0, (UnitOfMeasure?)null),
                    Measurand.Temperature => (25.0, UnitOfMeasure.Celsius),
                    Measurand.SoC => (Math.Min(100, 20 + (state.Meter.RegisterWh(at) / 600)), UnitOfMeasure.Percent),
                    _ => (0.0, (UnitOfMeasure?)null),
                };
                return new SampledValue
                {
                    Value = Math.Round(value, measurand == Measurand.EnergyActiveImportRegister ? 0 : 1).ToString(CultureInfo.InvariantCulture),
                    Context = reading,
                    Measurand = measurand,
                    Unit = unit,
                };
            })],
        };
    }
}
