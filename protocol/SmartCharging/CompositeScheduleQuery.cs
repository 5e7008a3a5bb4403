using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.SmartCharging;

/// <summary>What a composite schedule is computed for (OCPP 1.6 §5.7, §6.21): a connector, a window and a unit.</summary>
public sealed record CompositeScheduleQuery
{
    /// <summary>The connector, 0 for the Charge Point as a whole.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The start of the schedule: the caller's now.</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>The length of the schedule in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>The unit the limits are reported in.</summary>
    public ChargingRateUnitType Unit { get; init; } = ChargingRateUnitType.A;

    /// <summary>The transaction running on the connector, if any: its id (for TxProfiles) and when it started (for Relative schedules).</summary>
    public (int TransactionId, DateTimeOffset StartedAt)? Transaction { get; init; }

    /// <summary>
    /// The Charge Point's own limit in A per phase, part of what GetCompositeSchedule reports ("all active
    /// schedules and possible local limits", §5.7); null when unknown, as it is to a Central System.
    /// </summary>
    public decimal? HardwareLimitAmperes { get; init; }
}
