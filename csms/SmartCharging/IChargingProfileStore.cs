using OcppLab.Protocol.Messages.SmartCharging;

namespace OcppLab.Csms.SmartCharging;

/// <summary>The charging profiles each station holds, as far as the Central System set and cleared them.</summary>
public interface IChargingProfileStore
{
    /// <summary>
    /// Records an accepted profile. It replaces a profile with the same chargingProfileId, and one with the
    /// same stackLevel and purpose on the same connector (and transaction), as the station does (OCPP 1.6 §5.16).
    /// </summary>
    void Set(StoredProfile profile);

    /// <summary>Mirrors an accepted ClearChargingProfile; returns how many profiles it removed.</summary>
    int Clear(string chargePointId, ClearChargingProfileRequest criteria);

    /// <summary>The profiles of one station, by connector, purpose and stack level.</summary>
    IReadOnlyList<StoredProfile> OfStation(string chargePointId);
}
