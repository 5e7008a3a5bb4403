using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.Messages.SmartCharging;

/// <summary>GetCompositeSchedule.req (OCPP 1.6 §6.21): the Central System asks for the schedule that results from all active profiles.</summary>
public sealed record GetCompositeScheduleRequest : IOcppRequest<GetCompositeScheduleRequest, GetCompositeScheduleResponse>
{
    /// <inheritdoc/>
    public static string Action => "GetCompositeSchedule";

    /// <summary>The connector asked about, or 0 for the expected consumption of the grid connection.</summary>
    public required int ConnectorId { get; init; }

    /// <summary>The length of the requested schedule in seconds.</summary>
    public required int Duration { get; init; }

    /// <summary>Forces the schedule to be in power or in current.</summary>
    public ChargingRateUnitType? ChargingRateUnit { get; init; }
}

/// <summary>GetCompositeSchedule.conf (OCPP 1.6 §6.22).</summary>
public sealed record GetCompositeScheduleResponse : IOcppResponse
{
    /// <summary>Whether the charge point could compute the schedule.</summary>
    public required GetCompositeScheduleStatus Status { get; init; }

    /// <summary>The connector the schedule applies to.</summary>
    public int? ConnectorId { get; init; }

    /// <summary>The moment the schedule's periods are relative to; may be absent when rejected.</summary>
    public DateTimeOffset? ScheduleStart { get; init; }

    /// <summary>The planned composite schedule, relative to <see cref="ScheduleStart"/>; may be absent when rejected.</summary>
    public ChargingSchedule? ChargingSchedule { get; init; }
}
