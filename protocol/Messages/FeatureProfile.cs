namespace OcppLab.Protocol.Messages;

/// <summary>The feature profiles of OCPP 1.6 §3.1, plus the Security Whitepaper's messages.</summary>
public enum FeatureProfile
{
    /// <summary>Basic charge point functionality.</summary>
    Core,

    /// <summary>Firmware update and diagnostics retrieval.</summary>
    FirmwareManagement,

    /// <summary>Management of the local authorization list.</summary>
    LocalAuthListManagement,

    /// <summary>Reservation of a connector or the charge point.</summary>
    Reservation,

    /// <summary>Charging profiles and composite schedules.</summary>
    SmartCharging,

    /// <summary>Messages the Central System can ask the charge point to send.</summary>
    RemoteTrigger,

    /// <summary>The OCPP 1.6 Security Whitepaper's messages.</summary>
    Security,
}

/// <summary>Which side sends the CALL of an action.</summary>
public enum MessageDirection
{
    /// <summary>The charge point calls, the Central System answers.</summary>
    ChargePointToCentralSystem,

    /// <summary>The Central System calls, the charge point answers.</summary>
    CentralSystemToChargePoint,
}
