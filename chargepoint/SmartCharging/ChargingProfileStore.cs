using OcppLab.Protocol.Messages.Types;

namespace OcppLab.ChargePoint.SmartCharging;

/// <summary>
/// The installed charging profiles (OCPP 1.6 §3.13, §5.16). A new profile replaces one with the same id,
/// or one with the same connector, purpose and stack level.
/// </summary>
public sealed class ChargingProfileStore
{
    private readonly List<InstalledChargingProfile> profiles = [];
    private readonly Lock sync = new();

    public IReadOnlyList<InstalledChargingProfile> All
    {
        get
        {
            lock (sync)
            {
                return [.. profiles];
            }
        }
    }

    /// <summary>Installs <paramref name="profile"/>; false when the store is full.</summary>
    public bool Install(int connectorId, ChargingProfile profile, int maxInstalled)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (sync)
        {
            profiles.RemoveAll(p => p.Profile.ChargingProfileId == profile.ChargingProfileId
                || (p.ConnectorId == connectorId
                    && p.Profile.ChargingProfilePurpose == profile.ChargingProfilePurpose
                    && p.Profile.StackLevel == profile.StackLevel));
            if (profiles.Count >= maxInstalled)
            {
                return false;
            }

            profiles.Add(new InstalledChargingProfile(connectorId, profile));
            return true;
        }
    }

    /// <summary>ClearChargingProfile (OCPP 1.6 §5.5): by id, or by every criterion given; no criteria clears all.</summary>
    public int Clear(int? id, int? connectorId, ChargingProfilePurposeType? purpose, int? stackLevel)
    {
        lock (sync)
        {
            if (id is { } profileId)
            {
                return profiles.RemoveAll(p => p.Profile.ChargingProfileId == profileId);
            }

            return profiles.RemoveAll(p =>
                (connectorId is null || p.ConnectorId == connectorId)
                && (purpose is null || p.Profile.ChargingProfilePurpose == purpose)
                && (stackLevel is null || p.Profile.StackLevel == stackLevel));
        }
    }

    /// <summary>Removes the TxProfiles of a connector when its transaction ends (OCPP 1.6 §3.13.4).</summary>
    public void EndTransaction(int connectorId)
    {
        lock (sync)
        {
            profiles.RemoveAll(p => p.ConnectorId == connectorId && p.Profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile);
        }
    }
}
