namespace OcppLab.Protocol.Messages.Types;

/// <summary>ChargingSchedulePeriod (OCPP 1.6 §7.14): one period of a charging schedule.</summary>
public sealed record ChargingSchedulePeriod
{
    /// <summary>Start of the period in seconds from the start of the schedule; also ends the previous period.</summary>
    public required int StartPeriod { get; init; }

    /// <summary>The maximum rate during the period in the schedule's unit, at most one decimal.</summary>
    public required decimal Limit { get; init; }

    /// <summary>How many phases may be used; 3 is assumed when absent.</summary>
    public int? NumberPhases { get; init; }
}
