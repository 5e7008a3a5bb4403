using System.Text.Json.Serialization;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.SmartCharging;

namespace OcppLab.Protocol.Serialization;

/// <summary>
/// The one source-generated serializer context for every OCPP 1.6 payload. Strict: unknown members are
/// rejected, nulls are omitted on write, timestamps are written as UTC with milliseconds.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    Converters = [typeof(UtcTimestampConverter)])]
// One line per payload type; OcppActions registers the same types with their action names.
// Shared types (IdTagInfo, MeterValue, ChargingProfile, the enums) are reached through these.
// Core
[JsonSerializable(typeof(AuthorizeRequest))]
[JsonSerializable(typeof(AuthorizeResponse))]
[JsonSerializable(typeof(BootNotificationRequest))]
[JsonSerializable(typeof(BootNotificationResponse))]
[JsonSerializable(typeof(ChangeAvailabilityRequest))]
[JsonSerializable(typeof(ChangeAvailabilityResponse))]
[JsonSerializable(typeof(ChangeConfigurationRequest))]
[JsonSerializable(typeof(ChangeConfigurationResponse))]
[JsonSerializable(typeof(ClearCacheRequest))]
[JsonSerializable(typeof(ClearCacheResponse))]
[JsonSerializable(typeof(DataTransferRequest))]
[JsonSerializable(typeof(DataTransferResponse))]
[JsonSerializable(typeof(GetConfigurationRequest))]
[JsonSerializable(typeof(GetConfigurationResponse))]
[JsonSerializable(typeof(HeartbeatRequest))]
[JsonSerializable(typeof(HeartbeatResponse))]
[JsonSerializable(typeof(MeterValuesRequest))]
[JsonSerializable(typeof(MeterValuesResponse))]
[JsonSerializable(typeof(RemoteStartTransactionRequest))]
[JsonSerializable(typeof(RemoteStartTransactionResponse))]
[JsonSerializable(typeof(RemoteStopTransactionRequest))]
[JsonSerializable(typeof(RemoteStopTransactionResponse))]
[JsonSerializable(typeof(ResetRequest))]
[JsonSerializable(typeof(ResetResponse))]
[JsonSerializable(typeof(StartTransactionRequest))]
[JsonSerializable(typeof(StartTransactionResponse))]
[JsonSerializable(typeof(StatusNotificationRequest))]
[JsonSerializable(typeof(StatusNotificationResponse))]
[JsonSerializable(typeof(StopTransactionRequest))]
[JsonSerializable(typeof(StopTransactionResponse))]
[JsonSerializable(typeof(UnlockConnectorRequest))]
[JsonSerializable(typeof(UnlockConnectorResponse))]
// FirmwareManagement
[JsonSerializable(typeof(GetDiagnosticsRequest))]
[JsonSerializable(typeof(GetDiagnosticsResponse))]
[JsonSerializable(typeof(DiagnosticsStatusNotificationRequest))]
[JsonSerializable(typeof(DiagnosticsStatusNotificationResponse))]
[JsonSerializable(typeof(FirmwareStatusNotificationRequest))]
[JsonSerializable(typeof(FirmwareStatusNotificationResponse))]
[JsonSerializable(typeof(UpdateFirmwareRequest))]
[JsonSerializable(typeof(UpdateFirmwareResponse))]
// LocalAuthListManagement
[JsonSerializable(typeof(GetLocalListVersionRequest))]
[JsonSerializable(typeof(GetLocalListVersionResponse))]
[JsonSerializable(typeof(SendLocalListRequest))]
[JsonSerializable(typeof(SendLocalListResponse))]
// Reservation
[JsonSerializable(typeof(ReserveNowRequest))]
[JsonSerializable(typeof(ReserveNowResponse))]
[JsonSerializable(typeof(CancelReservationRequest))]
[JsonSerializable(typeof(CancelReservationResponse))]
// SmartCharging
[JsonSerializable(typeof(SetChargingProfileRequest))]
[JsonSerializable(typeof(SetChargingProfileResponse))]
[JsonSerializable(typeof(ClearChargingProfileRequest))]
[JsonSerializable(typeof(ClearChargingProfileResponse))]
[JsonSerializable(typeof(GetCompositeScheduleRequest))]
[JsonSerializable(typeof(GetCompositeScheduleResponse))]
// RemoteTrigger
[JsonSerializable(typeof(TriggerMessageRequest))]
[JsonSerializable(typeof(TriggerMessageResponse))]
// Security
[JsonSerializable(typeof(CertificateSignedRequest))]
[JsonSerializable(typeof(CertificateSignedResponse))]
[JsonSerializable(typeof(DeleteCertificateRequest))]
[JsonSerializable(typeof(DeleteCertificateResponse))]
[JsonSerializable(typeof(ExtendedTriggerMessageRequest))]
[JsonSerializable(typeof(ExtendedTriggerMessageResponse))]
[JsonSerializable(typeof(GetInstalledCertificateIdsRequest))]
[JsonSerializable(typeof(GetInstalledCertificateIdsResponse))]
[JsonSerializable(typeof(GetLogRequest))]
[JsonSerializable(typeof(GetLogResponse))]
[JsonSerializable(typeof(InstallCertificateRequest))]
[JsonSerializable(typeof(InstallCertificateResponse))]
[JsonSerializable(typeof(LogStatusNotificationRequest))]
[JsonSerializable(typeof(LogStatusNotificationResponse))]
[JsonSerializable(typeof(SecurityEventNotificationRequest))]
[JsonSerializable(typeof(SecurityEventNotificationResponse))]
[JsonSerializable(typeof(SignCertificateRequest))]
[JsonSerializable(typeof(SignCertificateResponse))]
[JsonSerializable(typeof(SignedFirmwareStatusNotificationRequest))]
[JsonSerializable(typeof(SignedFirmwareStatusNotificationResponse))]
[JsonSerializable(typeof(SignedUpdateFirmwareRequest))]
[JsonSerializable(typeof(SignedUpdateFirmwareResponse))]
public sealed partial class OcppJsonContext : JsonSerializerContext;
