using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using OcppLab.Protocol.Messages.Core;
using OcppLab.Protocol.Messages.FirmwareManagement;
using OcppLab.Protocol.Messages.LocalAuthListManagement;
using OcppLab.Protocol.Messages.RemoteTrigger;
using OcppLab.Protocol.Messages.Reservation;
using OcppLab.Protocol.Messages.Security;
using OcppLab.Protocol.Messages.SmartCharging;
using OcppLab.Protocol.Serialization;

namespace OcppLab.Protocol.Messages;

/// <summary>The catalogue of every OCPP 1.6 action (and the Security Whitepaper's), by name and by type.</summary>
public static class OcppActions
{
    private static readonly FrozenDictionary<string, OcppActionDescriptor> ByName;
    private static readonly FrozenDictionary<Type, OcppActionDescriptor> ByRequestType;

    static OcppActions()
    {
        const MessageDirection Cp = MessageDirection.ChargePointToCentralSystem;
        const MessageDirection Cs = MessageDirection.CentralSystemToChargePoint;
        OcppActionDescriptor[] all =
        [
            // Core (OCPP 1.6 §3.1, messages in §6)
            Describe<AuthorizeRequest, AuthorizeResponse>(FeatureProfile.Core, Cp),
            Describe<BootNotificationRequest, BootNotificationResponse>(FeatureProfile.Core, Cp),
            Describe<ChangeAvailabilityRequest, ChangeAvailabilityResponse>(FeatureProfile.Core, Cs),
            Describe<ChangeConfigurationRequest, ChangeConfigurationResponse>(FeatureProfile.Core, Cs),
            Describe<ClearCacheRequest, ClearCacheResponse>(FeatureProfile.Core, Cs),

            // DataTransfer goes both ways (§4.3, §5.6); listed once, as the charge point's.
            Describe<DataTransferRequest, DataTransferResponse>(FeatureProfile.Core, Cp),
            Describe<GetConfigurationRequest, GetConfigurationResponse>(FeatureProfile.Core, Cs),
            Describe<HeartbeatRequest, HeartbeatResponse>(FeatureProfile.Core, Cp),
            Describe<MeterValuesRequest, MeterValuesResponse>(FeatureProfile.Core, Cp),
            Describe<RemoteStartTransactionRequest, RemoteStartTransactionResponse>(FeatureProfile.Core, Cs),
            Describe<RemoteStopTransactionRequest, RemoteStopTransactionResponse>(FeatureProfile.Core, Cs),
            Describe<ResetRequest, ResetResponse>(FeatureProfile.Core, Cs),
            Describe<StartTransactionRequest, StartTransactionResponse>(FeatureProfile.Core, Cp),
            Describe<StatusNotificationRequest, StatusNotificationResponse>(FeatureProfile.Core, Cp),
            Describe<StopTransactionRequest, StopTransactionResponse>(FeatureProfile.Core, Cp),
            Describe<UnlockConnectorRequest, UnlockConnectorResponse>(FeatureProfile.Core, Cs),

            // Firmware Management
            Describe<GetDiagnosticsRequest, GetDiagnosticsResponse>(FeatureProfile.FirmwareManagement, Cs),
            Describe<DiagnosticsStatusNotificationRequest, DiagnosticsStatusNotificationResponse>(FeatureProfile.FirmwareManagement, Cp),
            Describe<FirmwareStatusNotificationRequest, FirmwareStatusNotificationResponse>(FeatureProfile.FirmwareManagement, Cp),
            Describe<UpdateFirmwareRequest, UpdateFirmwareResponse>(FeatureProfile.FirmwareManagement, Cs),

            // Local Auth List Management
            Describe<GetLocalListVersionRequest, GetLocalListVersionResponse>(FeatureProfile.LocalAuthListManagement, Cs),
            Describe<SendLocalListRequest, SendLocalListResponse>(FeatureProfile.LocalAuthListManagement, Cs),

            // Reservation
            Describe<ReserveNowRequest, ReserveNowResponse>(FeatureProfile.Reservation, Cs),
            Describe<CancelReservationRequest, CancelReservationResponse>(FeatureProfile.Reservation, Cs),

            // Smart Charging
            Describe<SetChargingProfileRequest, SetChargingProfileResponse>(FeatureProfile.SmartCharging, Cs),
            Describe<ClearChargingProfileRequest, ClearChargingProfileResponse>(FeatureProfile.SmartCharging, Cs),
            Describe<GetCompositeScheduleRequest, GetCompositeScheduleResponse>(FeatureProfile.SmartCharging, Cs),

            // Remote Trigger
            Describe<TriggerMessageRequest, TriggerMessageResponse>(FeatureProfile.RemoteTrigger, Cs),

            // Security Whitepaper ed. 3 (§5)
            Describe<CertificateSignedRequest, CertificateSignedResponse>(FeatureProfile.Security, Cs),
            Describe<DeleteCertificateRequest, DeleteCertificateResponse>(FeatureProfile.Security, Cs),
            Describe<ExtendedTriggerMessageRequest, ExtendedTriggerMessageResponse>(FeatureProfile.Security, Cs),
            Describe<GetInstalledCertificateIdsRequest, GetInstalledCertificateIdsResponse>(FeatureProfile.Security, Cs),
            Describe<GetLogRequest, GetLogResponse>(FeatureProfile.Security, Cs),
            Describe<InstallCertificateRequest, InstallCertificateResponse>(FeatureProfile.Security, Cs),
            Describe<LogStatusNotificationRequest, LogStatusNotificationResponse>(FeatureProfile.Security, Cp),
            Describe<SecurityEventNotificationRequest, SecurityEventNotificationResponse>(FeatureProfile.Security, Cp),
            Describe<SignCertificateRequest, SignCertificateResponse>(FeatureProfile.Security, Cp),
            Describe<SignedFirmwareStatusNotificationRequest, SignedFirmwareStatusNotificationResponse>(FeatureProfile.Security, Cp),
            Describe<SignedUpdateFirmwareRequest, SignedUpdateFirmwareResponse>(FeatureProfile.Security, Cs),
        ];
        All = all;
        ByName = all.ToFrozenDictionary(d => d.Action, StringComparer.Ordinal);
        ByRequestType = all.ToFrozenDictionary(d => d.RequestType);
    }

    /// <summary>Every action, in catalogue order.</summary>
    public static IReadOnlyList<OcppActionDescriptor> All { get; }

    /// <summary>Finds an action by its wire name (case-sensitive, as OCPP-J requires).</summary>
    public static bool TryGet(string action, [NotNullWhen(true)] out OcppActionDescriptor? descriptor) =>
        ByName.TryGetValue(action, out descriptor);

    /// <summary>Finds the action of a request payload type.</summary>
    public static bool TryGet(Type requestType, [NotNullWhen(true)] out OcppActionDescriptor? descriptor) =>
        ByRequestType.TryGetValue(requestType, out descriptor);

    /// <summary>The action of <typeparamref name="TRequest"/>, resolved once per type.</summary>
    public static OcppActionDescriptor Of<TRequest, TResponse>()
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse => Cache<TRequest, TResponse>.Descriptor;

    private static OcppActionDescriptor Describe<TRequest, TResponse>(FeatureProfile profile, MessageDirection direction)
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse =>
        new(TRequest.Action, profile, direction, TypeInfo<TRequest>(), TypeInfo<TResponse>());

    private static JsonTypeInfo<T> TypeInfo<T>() =>
        (JsonTypeInfo<T>?)OcppJsonContext.Default.GetTypeInfo(typeof(T))
        ?? throw new InvalidOperationException($"{typeof(T).Name} is missing from {nameof(OcppJsonContext)}.");

    private static class Cache<TRequest, TResponse>
        where TRequest : class, IOcppRequest<TRequest, TResponse>
        where TResponse : class, IOcppResponse
    {
        public static readonly OcppActionDescriptor Descriptor = ByName[TRequest.Action];
    }
}
