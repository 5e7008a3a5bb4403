using System.Text.Json.Serialization;

namespace OcppLab.Protocol.Messages.Types;

/// <summary>Reason (OCPP 1.6 §7.36): why a transaction stopped; Local when absent.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Reason>))]
public enum Reason
{
    /// <summary>Stopped because of the authorization status returned in StartTransaction.conf.</summary>
    DeAuthorized,

    /// <summary>The emergency stop button was pressed.</summary>
    EmergencyStop,

    /// <summary>The cable was unplugged or the vehicle left the inductive charging unit.</summary>
    EVDisconnected,

    /// <summary>A hard reset was commanded.</summary>
    HardReset,

    /// <summary>The user stopped it at the charge point, e.g. with a card or a button (regular end).</summary>
    Local,

    /// <summary>Any other reason.</summary>
    Other,

    /// <summary>The power was lost completely.</summary>
    PowerLoss,

    /// <summary>The charge point rebooted on its own initiative, e.g. a watchdog.</summary>
    Reboot,

    /// <summary>The user stopped it remotely, e.g. from an app (regular end).</summary>
    Remote,

    /// <summary>A soft reset was commanded.</summary>
    SoftReset,

    /// <summary>The Central System sent UnlockConnector.</summary>
    UnlockCommand,
}
