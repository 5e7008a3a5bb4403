using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Rpc;

namespace OcppLab.ChargePoint;

/// <summary>
/// The route table of the Central System's requests. Every 1.6 action a charge point receives has a
/// handler, also for profiles the template leaves out: those answer with the payload's "not supported"
/// value rather than a CALLERROR (OCTT TC_042_1, TC_043_1, TC_048_4, TC_050_4).
/// </summary>
public sealed partial class VirtualChargePoint
{
    private static readonly OcppRouter<VirtualChargePoint> Router = new OcppRouter<VirtualChargePoint>()
        .Map<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((cp, r, _) => new(cp.OnChangeAvailability(r)))
        .Map<ChangeConfigurationRequest, ChangeConfigurationResponse>((cp, r, _) => new(cp.OnChangeConfiguration(r)))
        .Map<ClearCacheRequest, ClearCacheResponse>((cp, r, _) => new(cp.authorization.OnClearCache(r)))
        .Map<DataTransferRequest, DataTransferResponse>((cp, r, _) => new(cp.OnDataTransfer(r)))
        .Map<GetConfigurationRequest, GetConfigurationResponse>((cp, r, _) => new(cp.OnGetConfiguration(r)))
        .Map<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((cp, r, _) => new(cp.OnRemoteStart(r)))
        .Map<RemoteStopTransactionRequest, RemoteStopTransactionResponse>((cp, r, _) => new(cp.OnRemoteStop(r)))
        .Map<ResetRequest, ResetResponse>((cp, r, _) => new(cp.OnReset(r)))
        .Map<UnlockConnectorRequest, UnlockConnectorResponse>((cp, r, _) => new(cp.OnUnlockConnector(r)))
        .Map<GetLocalListVersionRequest, GetLocalListVersionResponse>((cp, r, _) => new(cp.authorization.OnGetLocalListVersion(r)))
        .Map<SendLocalListRequest, SendLocalListResponse>((cp, r, _) => new(cp.authorization.OnSendLocalList(r)))
        .Map<ReserveNowRequest, ReserveNowResponse>((cp, r, _) => new(cp.reservations.OnReserveNow(r)))
        .Map<CancelReservationRequest, CancelReservationResponse>((cp, r, _) => new(cp.reservations.OnCancelReservation(r)))
        .Map<SetChargingProfileRequest, SetChargingProfileResponse>((cp, r, _) => new(cp.chargingSchedules.OnSetChargingProfile(r)))
        .Map<ClearChargingProfileRequest, ClearChargingProfileResponse>((cp, r, _) => new(cp.chargingSchedules.OnClearChargingProfile(r)))
        .Map<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((cp, r, _) => new(cp.chargingSchedules.OnGetCompositeSchedule(r)))
        .Map<TriggerMessageRequest, TriggerMessageResponse>((cp, r, _) => new(cp.OnTriggerMessage(r)))
        .Map<UpdateFirmwareRequest, UpdateFirmwareResponse>((cp, r, _) => new(cp.OnUpdateFirmware(r)))
        .Map<GetDiagnosticsRequest, GetDiagnosticsResponse>((cp, r, _) => new(cp.OnGetDiagnostics(r)))
        .Map<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>((cp, r, _) => new(cp.OnExtendedTriggerMessage(r)))
        .Map<CertificateSignedRequest, CertificateSignedResponse>((cp, r, _) => new(cp.OnCertificateSigned(r)))
        .Map<InstallCertificateRequest, InstallCertificateResponse>((cp, r, _) => new(cp.OnInstallCertificate(r)))
        .Map<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>((cp, r, _) => new(cp.OnGetInstalledCertificateIds(r)))
        .Map<DeleteCertificateRequest, DeleteCertificateResponse>((cp, r, _) => new(cp.OnDeleteCertificate(r)))
        .Map<GetLogRequest, GetLogResponse>((cp, r, _) => new(cp.OnGetLog(r)))
        .Map<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>((cp, r, _) => new(cp.OnSignedUpdateFirmware(r)));
}
