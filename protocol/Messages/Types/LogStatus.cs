using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>LogStatusEnumType (Security Whitepaper ed. 3 §6.15): the answer to a GetLog.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LogStatus>))]
public enum LogStatus
{
    /// <summary>The upload will start; it has not necessarily succeeded.</summary>
    Accepted,

    /// <summary>The request is refused.</summary>
    Rejected,

    /// <summary>Accepted, and an upload that was in progress has been cancelled for it.</summary>
    AcceptedCanceled,
}
