using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ClearCacheStatus (OCPP 1.6 §7.20): the answer to a ClearCache.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClearCacheStatus>))]
public enum ClearCacheStatus
{
    /// <summary>The cache was cleared.</summary>
    Accepted,

    /// <summary>The cache was not cleared.</summary>
    Rejected,
}
