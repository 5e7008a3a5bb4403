using OcppLab.Csms.Stations;
using OcppLab.Csms.Transactions;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.SmartCharging;

/// <summary>
/// The answer routes that keep the Central System's mirror of each station's charging profiles: an Accepted
/// SetChargingProfile is stored, an Accepted ClearChargingProfile is mirrored, whoever sent the CALL (the smart
/// charging endpoints or the generic relay <c>calls/SetChargingProfile</c>), so the composite schedule the Central
/// System computes sees every profile the station holds.
/// </summary>
public sealed class ChargingProfileAnswers(IChargingProfileStore profiles, ITransactionStore transactions, TimeProvider time)
    : IOcppAnswerHandler<ChargePointSession, SetChargingProfileRequest, SetChargingProfileResponse>,
      IOcppAnswerHandler<ChargePointSession, ClearChargingProfileRequest, ClearChargingProfileResponse>
{
    /// <inheritdoc/>
    public ValueTask OnAnswerAsync(ChargePointSession station, SetChargingProfileRequest request, SetChargingProfileResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status != ChargingProfileStatus.Accepted)
        {
            return ValueTask.CompletedTask;
        }

        var profile = request.CsChargingProfiles;
        if (profile.ChargingProfilePurpose == ChargingProfilePurposeType.TxProfile && profile.TransactionId is null && request.ConnectorId > 0)
        {
            // A TxProfile without transactionId applies to the transaction running on the connector (§5.16.3).
            var running = transactions.Active().FirstOrDefault(t => t.ChargePointId == station.Id && t.ConnectorId == request.ConnectorId);
            profile = profile with { TransactionId = running?.TransactionId };
        }

        profiles.Set(new StoredProfile(station.Id, request.ConnectorId, profile, time.GetUtcNow()));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask OnAnswerAsync(ChargePointSession station, ClearChargingProfileRequest request, ClearChargingProfileResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(station);
        ArgumentNullException.ThrowIfNull(response);
        if (response.Status == ClearChargingProfileStatus.Accepted)
        {
            profiles.Clear(station.Id, request);
        }

        return ValueTask.CompletedTask;
    }
}
