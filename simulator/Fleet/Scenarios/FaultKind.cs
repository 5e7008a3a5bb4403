namespace OcppLab.Simulator.Fleet.Scenarios;

/// <summary>What a fault injection does to the charge points it hits.</summary>
public enum FaultKind
{
    /// <summary>The power goes, then comes back after the duration: every charge point boots at once (a boot storm).</summary>
    PowerCut,

    /// <summary>The network drops for the duration: transaction messages queue and are delivered on reconnection.</summary>
    NetworkDrop,

    /// <summary>
    /// The Central System sends UpdateFirmware to each charge point hit, through its operator API; each downloads,
    /// installs and reboots as its firmware behaviour does, reporting FirmwareStatusNotifications (OCPP 1.6 §4.5).
    /// </summary>
    FirmwareCampaign,
}
