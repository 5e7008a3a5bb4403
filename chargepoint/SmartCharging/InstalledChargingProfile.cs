using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.SmartCharging;

/// <summary>A charging profile as installed by SetChargingProfile, with the connector it was installed on (0 = the whole charge point).</summary>
/// <param name="ConnectorId">The connector, 0 for the charge point.</param>
/// <param name="Profile">The profile.</param>
public sealed record InstalledChargingProfile(int ConnectorId, ChargingProfile Profile);
