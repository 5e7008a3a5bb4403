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
/// The route table of the Central System's requests: one line per action, to the behaviour that answers it.
/// Every 1.6 action a charge point receives has a handler, also for profiles the template leaves out: those answer with the payload's "not supported"
/// value rather than a CALLERROR (OCTT TC_042_1, TC_043_1, TC_048_4, TC_050_4).
/// </summary>
public sealed partial class VirtualChargePoint
{
    private static readonly OcppRouter<VirtualChargePoint> Router = new OcppRouter<VirtualChargePoint>()
        .Map<ChangeAvailabilityRequest, ChangeAvailabilityResponse>((cp, r, _) => new(cp.status.OnChangeAvailability(r)))
        .Map<ChangeConfigurationRequest, ChangeConfigurationResponse>((cp, r, _) => new(cp.configurationRequests.OnChangeConfiguration(r)))
        .Map<ClearCacheRequest, ClearCacheResponse>((cp, r, _) => new(cp.authorization.OnClearCache(r)))
        .Map<DataTransferRequest, DataTransferResponse>((cp, r, _) => new(cp.configurationRequests.OnDataTransfer(r)))
        .Map<GetConfigurationRequest, GetConfigurationResponse>((cp, r, _) => new(cp.configurationRequests.OnGetConfiguration(r)))
        .Map<RemoteStartTransactionRequest, RemoteStartTransactionResponse>((cp, r, _) => new(cp.remoteControl.OnRemoteStart(r)))
        .Map<RemoteStopTransactionRequest, RemoteStopTransactionResponse>((cp, r, _) => new(cp.remoteControl.OnRemoteStop(r)))
        .Map<ResetRequest, ResetResponse>((cp, r, _) => new(cp.power.OnReset(r)))
        .Map<UnlockConnectorRequest, UnlockConnectorResponse>((cp, r, _) => new(cp.remoteControl.OnUnlockConnector(r)))
        .Map<GetLocalListVersionRequest, GetLocalListVersionResponse>((cp, r, _) => new(cp.authorization.OnGetLocalListVersion(r)))
        .Map<SendLocalListRequest, SendLocalListResponse>((cp, r, _) => new(cp.authorization.OnSendLocalList(r)))
        .Map<ReserveNowRequest, ReserveNowResponse>((cp, r, _) => new(cp.reservations.OnReserveNow(r)))
        .Map<CancelReservationRequest, CancelReservationResponse>((cp, r, _) => new(cp.reservations.OnCancelReservation(r)))
        .Map<SetChargingProfileRequest, SetChargingProfileResponse>((cp, r, _) => new(cp.chargingSchedules.OnSetChargingProfile(r)))
        .Map<ClearChargingProfileRequest, ClearChargingProfileResponse>((cp, r, _) => new(cp.chargingSchedules.OnClearChargingProfile(r)))
        .Map<GetCompositeScheduleRequest, GetCompositeScheduleResponse>((cp, r, _) => new(cp.chargingSchedules.OnGetCompositeSchedule(r)))
        .Map<TriggerMessageRequest, TriggerMessageResponse>((cp, r, _) => new(cp.triggers.OnTriggerMessage(r)))
        .Map<UpdateFirmwareRequest, UpdateFirmwareResponse>((cp, r, _) => new(cp.firmware.OnUpdateFirmware(r)))
        .Map<GetDiagnosticsRequest, GetDiagnosticsResponse>((cp, r, _) => new(cp.firmware.OnGetDiagnostics(r)))
        .Map<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>((cp, r, _) => new(cp.triggers.OnExtendedTriggerMessage(r)))
        .Map<CertificateSignedRequest, CertificateSignedResponse>((cp, r, _) => new(cp.certificates.OnCertificateSigned(r)))
        .Map<InstallCertificateRequest, InstallCertificateResponse>((cp, r, _) => new(cp.certificates.OnInstallCertificate(r)))
        .Map<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>((cp, r, _) => new(cp.certificates.OnGetInstalledCertificateIds(r)))
        .Map<DeleteCertificateRequest, DeleteCertificateResponse>((cp, r, _) => new(cp.certificates.OnDeleteCertificate(r)))
        .Map<GetLogRequest, GetLogResponse>((cp, r, _) => new(cp.signedFirmware.OnGetLog(r)))
        .Map<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>((cp, r, _) => new(cp.signedFirmware.OnSignedUpdateFirmware(r)));
}
