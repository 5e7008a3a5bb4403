using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.SmartCharging;

/// <summary>What a composite schedule is computed for (OCPP 1.6 §5.7, §3.13.6).</summary>
public sealed record CompositeScheduleQuery
{
    /// <summary>The connector, 0 for the charge point as a whole.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The start of the schedule (now).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The length of the schedule in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>The unit the limits are reported in.</summary>
    public ChargingRateUnitType Unit { get; init; } = ChargingRateUnitType.A;

    /// <summary>The running transaction on the connector, if any: its id and when it started.</summary>
    public (int TransactionId, DateTimeOffset StartedAt)? Transaction { get; init; }

    /// <summary>The connector's hardware limit in amperes per phase: the result when no profile limits it.</summary>
    public decimal HardwareLimitAmperes { get; init; } = 32;

    /// <summary>The phases used for converting between A and W.</summary>
    public int Phases { get; init; } = 3;

    /// <summary>The line voltage used for converting between A and W.</summary>
    public decimal Voltage { get; init; } = 230;
}
