using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>ConfigurationStatus (OCPP 1.6 §7.22): the answer to a ChangeConfiguration.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConfigurationStatus>))]
public enum ConfigurationStatus
{
    /// <summary>The key is supported and its value was changed.</summary>
    Accepted,

    /// <summary>The key is supported but the value could not be changed.</summary>
    Rejected,

    /// <summary>The value was changed but takes effect only after a reboot the charge point will not start itself.</summary>
    RebootRequired,

    /// <summary>The key is not supported.</summary>
    NotSupported,
}
