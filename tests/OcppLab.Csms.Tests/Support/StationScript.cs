using System.Collections.Concurrent;
using OcppLab.Protocol.Messages;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Messages.Types;
using OcppLab.Protocol.Rpc;

namespace OcppLab.Csms.Tests.Support;

/// <summary>
/// Answers for every action a Central System sends: a valid default each, replaceable per test with
/// <see cref="On{TRequest, TResponse}"/>. Every request is recorded in <see cref="TestChargePoint.Received"/>.
/// </summary>
public sealed class StationScript
{
    private readonly ConcurrentDictionary<Type, Func<TestChargePoint, object, object>> answers = new();

    /// <summary>Answers <typeparamref name="TRequest"/> with <paramref name="answer"/> from now on.</summary>
    public StationScript On<TRequest, TResponse>(Func<TRequest, TResponse> answer)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        answers[typeof(TRequest)] = (_, r) => answer((TRequest)r);
        return this;
    }

    /// <summary>Answers <typeparamref name="TRequest"/> with <paramref name="answer"/>, which also sees the charge point.</summary>
    public StationScript On<TRequest, TResponse>(Func<TestChargePoint, TRequest, TResponse> answer)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        answers[typeof(TRequest)] = (cp, r) => answer(cp, (TRequest)r);
        return this;
    }

    /// <summary>Maps every Central-System-initiated 1.6 action onto <paramref name="router"/>.</summary>
    public void Configure(OcppRouter<TestChargePoint> router)
    {
        // Core
        Map<ChangeAvailabilityRequest, ChangeAvailabilityResponse>(router, _ => new() { Status = AvailabilityStatus.Accepted });
        Map<ChangeConfigurationRequest, ChangeConfigurationResponse>(router, _ => new() { Status = ConfigurationStatus.Accepted });
        Map<ClearCacheRequest, ClearCacheResponse>(router, _ => new() { Status = ClearCacheStatus.Accepted });
        Map<DataTransferRequest, DataTransferResponse>(router, r => new() { Status = DataTransferStatus.Accepted, Data = r.Data });
        Map<GetConfigurationRequest, GetConfigurationResponse>(router, _ => new() { ConfigurationKey = [] });
        Map<RemoteStartTransactionRequest, RemoteStartTransactionResponse>(router, _ => new() { Status = RemoteStartStopStatus.Accepted });
        Map<RemoteStopTransactionRequest, RemoteStopTransactionResponse>(router, _ => new() { Status = RemoteStartStopStatus.Accepted });
        Map<ResetRequest, ResetResponse>(router, _ => new() { Status = ResetStatus.Accepted });
        Map<UnlockConnectorRequest, UnlockConnectorResponse>(router, _ => new() { Status = UnlockStatus.Unlocked });

        // Firmware Management
        Map<GetDiagnosticsRequest, GetDiagnosticsResponse>(router, _ => new() { FileName = "diagnostics.zip" });
        Map<UpdateFirmwareRequest, UpdateFirmwareResponse>(router, _ => new());

        // Local Auth List Management
        Map<GetLocalListVersionRequest, GetLocalListVersionResponse>(router, _ => new() { ListVersion = 0 });
        Map<SendLocalListRequest, SendLocalListResponse>(router, _ => new() { Status = UpdateStatus.Accepted });

        // Reservation
        Map<ReserveNowRequest, ReserveNowResponse>(router, _ => new() { Status = ReservationStatus.Accepted });
        Map<CancelReservationRequest, CancelReservationResponse>(router, _ => new() { Status = CancelReservationStatus.Accepted });

        // Remote Trigger
        Map<TriggerMessageRequest, TriggerMessageResponse>(router, _ => new() { Status = TriggerMessageStatus.Accepted });

        // Smart Charging
        Map<SetChargingProfileRequest, SetChargingProfileResponse>(router, _ => new() { Status = ChargingProfileStatus.Accepted });
        Map<ClearChargingProfileRequest, ClearChargingProfileResponse>(router, _ => new() { Status = ClearChargingProfileStatus.Accepted });
        Map<GetCompositeScheduleRequest, GetCompositeScheduleResponse>(router, r => new() { Status = GetCompositeScheduleStatus.Rejected });
    }

    private void Map<TRequest, TResponse>(OcppRouter<TestChargePoint> router, Func<TRequest, TResponse> fallback)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        router.Map<TRequest, TResponse>((cp, request, _) =>
        {
            cp.Received.Enqueue((TRequest.Action, request));
            var answer = answers.TryGetValue(typeof(TRequest), out var scripted) ? (TResponse)scripted(cp, request) : fallback(request);
            return ValueTask.FromResult(answer);
        });
}
