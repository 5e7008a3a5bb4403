using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>A charging profile a station Accepted, on the connector it was set for (0: the whole station).</summary>
/// <param name="ChargePointId">The station.</param>
/// <param name="ConnectorId">The connector it was set on.</param>
/// <param name="Profile">The profile as sent.</param>
/// <param name="SetAt">When the station accepted it.</param>
public sealed record StoredProfile(string ChargePointId, int ConnectorId, ChargingProfile Profile, DateTimeOffset SetAt);
