using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>RecurrencyKindType (OCPP 1.6 §7.37): the period of a recurring charging profile.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecurrencyKindType>))]
public enum RecurrencyKindType
{
    /// <summary>Starts over every day at the time of startSchedule.</summary>
    Daily,

    /// <summary>Starts over every week at the weekday and time of startSchedule.</summary>
    Weekly,
}
