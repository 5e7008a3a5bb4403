using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>
/// MessageTriggerEnumType (Security Whitepaper ed. 3 §6.16): the message an ExtendedTriggerMessage asks for.
/// Named ExtendedMessageTrigger here because 1.6 already has a <see cref="MessageTrigger"/> with other values.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ExtendedMessageTrigger>))]
public enum ExtendedMessageTrigger
{
    /// <summary>Send a BootNotification.</summary>
    BootNotification,

    /// <summary>Send a LogStatusNotification.</summary>
    LogStatusNotification,

    /// <summary>Send a SignedFirmwareStatusNotification (the status of the signed firmware update).</summary>
    FirmwareStatusNotification,

    /// <summary>Send a Heartbeat.</summary>
    Heartbeat,

    /// <summary>Send a MeterValues.</summary>
    MeterValues,

    /// <summary>Send a SignCertificate for the charge point certificate.</summary>
    SignChargePointCertificate,

    /// <summary>Send a StatusNotification.</summary>
    StatusNotification,
}
