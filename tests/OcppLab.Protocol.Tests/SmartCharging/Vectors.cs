using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.SmartCharging;

namespace OcppLab.Protocol.Tests.SmartCharging;

/// <summary>Builders for the composite-schedule test vectors: profiles as installed, queries, and the periods as (start, limit).</summary>
internal static class Vectors
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static InstalledChargingProfile Profile(
        int id,
        ChargingProfilePurposeType purpose,
        int stackLevel,
        (int Start, decimal Limit)[] periods,
        int connectorId = 1,
        ChargingProfileKindType kind = ChargingProfileKindType.Absolute,
        DateTimeOffset? start = null,
        int? duration = null,
        RecurrencyKindType? recurrency = null,
        ChargingRateUnitType unit = ChargingRateUnitType.A,
        int? phases = null,
        int? transactionId = null,
        DateTimeOffset? validFrom = null,
        DateTimeOffset? validTo = null) =>
        new(connectorId, new ChargingProfile
        {
            ChargingProfileId = id,
            StackLevel = stackLevel,
            ChargingProfilePurpose = purpose,
            ChargingProfileKind = kind,
            RecurrencyKind = recurrency,
            TransactionId = transactionId,
            ValidFrom = validFrom,
            ValidTo = validTo,
            ChargingSchedule = new ChargingSchedule
            {
                ChargingRateUnit = unit,
                StartSchedule = kind == ChargingProfileKindType.Relative ? null : start ?? Now,
                Duration = duration,
                ChargingSchedulePeriod = [.. periods.Select(p => new ChargingSchedulePeriod { StartPeriod = p.Start, Limit = p.Limit, NumberPhases = phases })],
            },
        });

    public static CompositeScheduleQuery Query(
        int duration = 600,
        int connectorId = 1,
        (int, DateTimeOffset)? transaction = null,
        ChargingRateUnitType unit = ChargingRateUnitType.A,
        decimal? hardware = null,
        DateTimeOffset? start = null) =>
        new() { ConnectorId = connectorId, Start = start ?? Now, Duration = duration, Transaction = transaction, Unit = unit, HardwareLimitAmperes = hardware };

    public static (int Start, decimal? Limit)[] Periods(CompositeSchedule schedule) =>
        [.. schedule.ChargingSchedulePeriod.Select(p => (p.StartPeriod, p.Limit))];

    public static (int Start, decimal? Limit)[] Expect(params (int Start, decimal? Limit)[] periods) => periods;
}
