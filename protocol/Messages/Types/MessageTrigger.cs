using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>MessageTrigger (OCPP 1.6 §7.32): the message a TriggerMessage asks the charge point to send.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageTrigger>))]
public enum MessageTrigger
{
    /// <summary>Send a BootNotification.</summary>
    BootNotification,

    /// <summary>Send a DiagnosticsStatusNotification.</summary>
    DiagnosticsStatusNotification,

    /// <summary>Send a FirmwareStatusNotification.</summary>
    FirmwareStatusNotification,

    /// <summary>Send a Heartbeat.</summary>
    Heartbeat,

    /// <summary>Send a MeterValues.</summary>
    MeterValues,

    /// <summary>Send a StatusNotification.</summary>
    StatusNotification,
}
