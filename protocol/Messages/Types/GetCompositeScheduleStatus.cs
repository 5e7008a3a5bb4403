using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>GetCompositeScheduleStatus (OCPP 1.6 §7.26): the answer to a GetCompositeSchedule.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GetCompositeScheduleStatus>))]
public enum GetCompositeScheduleStatus
{
    /// <summary>The schedule could be computed.</summary>
    Accepted,

    /// <summary>The request is refused.</summary>
    Rejected,
}
