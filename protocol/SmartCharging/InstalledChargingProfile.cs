using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Protocol.SmartCharging;

/// <summary>A charging profile as SetChargingProfile installed it, with the connector it was set on (0: the whole Charge Point).</summary>
/// <param name="ConnectorId">The connectorId of SetChargingProfile.req.</param>
/// <param name="Profile">The profile.</param>
public sealed record InstalledChargingProfile(int ConnectorId, ChargingProfile Profile);
