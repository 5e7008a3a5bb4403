using OcppLab.Csms.OperatorApi;
using OcppLab.Csms.Stations;
using OcppLab.Protocol.Messages.Types;

namespace OcppLab.Csms.SmartCharging;

/// <summary>
/// The charging profile of a RemoteStartTransaction (OCPP 1.6 §5.11): checked before sending, and
/// stored as the new transaction's TxProfile once the station's StartTransaction names the transaction.
/// </summary>
public sealed class RemoteStartProfiles(IChargingProfileStore profiles, ChargePointRegistry registry, TimeProvider time)
{
    /// <summary>A 400 when the profile cannot go with a remote start, else null.</summary>
    public IResult? Check(string chargePointId, ChargingProfile profile)
    {
        // Stryker disable once Statement : guard of a non-nullable parameter; the one caller passes a profile it matched as not null, no message differs
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.ChargingProfilePurpose != ChargingProfilePurposeType.TxProfile)
        {
            return Problems.BadValue("chargingProfile.chargingProfilePurpose", profile.ChargingProfilePurpose, "The ChargingProfilePurpose of a RemoteStartTransaction profile SHALL be TxProfile (OCPP 1.6 §5.11).");
        }

        if (profile.TransactionId is not null)
        {
            return Problems.BadValue("chargingProfile.transactionId", profile.TransactionId, "The transactionId of a RemoteStartTransaction profile SHALL NOT be set: the transaction does not exist yet (OCPP 1.6 §5.11).");
        }

        var breach = ChargingProfileRules.Check(1, profile, "chargingProfile", null, forRemoteStart: true, StationChargingLimits.Of(registry.Find(chargePointId)));
        return breach is null ? null : Problems.BadValue(breach.Field, breach.Value, breach.Rule);
    }

    /// <summary>Records the profile as the started transaction's TxProfile.</summary>
    public void OnStarted(string chargePointId, int connectorId, int transactionId, ChargingProfile profile) =>
        profiles.Set(new StoredProfile(chargePointId, connectorId, profile with { TransactionId = transactionId }, time.GetUtcNow()));
}
