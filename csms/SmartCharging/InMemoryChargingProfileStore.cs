using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>Charging profiles held in memory.</summary>
public sealed class InMemoryChargingProfileStore : IChargingProfileStore
{
    private readonly Lock gate = new();
    private readonly List<StoredProfile> profiles = [];

    /// <inheritdoc/>
    public void Set(StoredProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var p = profile.Profile;
        lock (gate)
        {
            profiles.RemoveAll(s => s.ChargePointId == profile.ChargePointId
                && (s.Profile.ChargingProfileId == p.ChargingProfileId
                    || (s.ConnectorId == profile.ConnectorId
                        && s.Profile.StackLevel == p.StackLevel
                        && s.Profile.ChargingProfilePurpose == p.ChargingProfilePurpose
                        && s.Profile.TransactionId == p.TransactionId)));
            profiles.Add(profile);
        }
    }

    /// <inheritdoc/>
    public int Clear(string chargePointId, ClearChargingProfileRequest criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (gate)
        {
            return profiles.RemoveAll(s => s.ChargePointId == chargePointId && Matches(s, criteria));
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<StoredProfile> OfStation(string chargePointId)
    {
        lock (gate)
        {
            return [.. profiles.Where(s => s.ChargePointId == chargePointId)
                .OrderBy(s => s.ConnectorId).ThenBy(s => s.Profile.ChargingProfilePurpose).ThenByDescending(s => s.Profile.StackLevel)];
        }
    }

    /// <summary>
    /// OCPP 1.6 §6.9: an id names one profile; otherwise every given criterion (connectorId, purpose,
    /// stackLevel) must match, and none given clears all.
    /// </summary>
    internal static bool Matches(StoredProfile stored, ClearChargingProfileRequest criteria) =>
        criteria.Id is { } id
            ? stored.Profile.ChargingProfileId == id
            : (criteria.ConnectorId is not { } connector || stored.ConnectorId == connector)
              && (criteria.ChargingProfilePurpose is not ChargingProfilePurposeType purpose || stored.Profile.ChargingProfilePurpose == purpose)
              && (criteria.StackLevel is not { } level || stored.Profile.StackLevel == level);
}
